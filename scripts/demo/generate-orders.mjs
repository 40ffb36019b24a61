#!/usr/bin/env node
// Generates knowledge/orders/customers.json and knowledge/orders/orders.json for the demo merchant
// (Northwind Trail Co.) from the generated catalog (knowledge/catalog/products.csv) and the shipping,
// tax and discount rules in knowledge/merchant.yaml. Deterministic: every choice comes from a seeded
// PRNG, so the same inputs always produce the same files. "Today" is 2026-11-28.
//
//   node scripts/demo/generate-orders.mjs
//
// Pricing rules (the help center states the same ones):
//   subtotal  = sum of quantity x unit_price (unit_price is the price paid, at most the variant price)
//   discount  = TRAIL10: 10% of subtotal, rounded half up, min subtotal $50; WELCOME15: $15 off a first order of $75+
//   shipping  = the zone's rate; Standard is free when subtotal - discount >= free_over (thresholds are never hit exactly)
//   tax       = (subtotal - discount) x rate_bps / 10000, rounded half up; shipping is not taxed; 0 where no rate
//   total     = subtotal - discount + shipping + tax = sum of charges (minus refunds for cancelled orders)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '../..');
const KNOWLEDGE = resolve(ROOT, 'knowledge');

export const TODAY = '2026-11-28';
const DAY = 86_400_000;
const NOW = Date.parse(`${TODAY}T00:00:00Z`); // every recorded event happens before this instant

// ---------------------------------------------------------------- seeded PRNG
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(0x4e57_2026);
const rand = (min, max) => min + rng() * (max - min);
const randInt = (min, max) => Math.floor(rand(min, max + 1));
const chance = (p) => rng() < p;
const pick = (list) => list[Math.floor(rng() * list.length)];
function weighted(items, weightOf) {
  const total = items.reduce((s, it) => s + weightOf(it), 0);
  let r = rng() * total;
  for (const it of items) { r -= weightOf(it); if (r < 0) return it; }
  return items[items.length - 1];
}
function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [a[i], a[j]] = [a[j], a[i]]; }
  return a;
}

// ---------------------------------------------------------------- merchant rules
const merchant = YAML.parse(readFileSync(resolve(KNOWLEDGE, 'merchant.yaml'), 'utf8'));
const policy = YAML.parse(readFileSync(resolve(KNOWLEDGE, 'policy.yaml'), 'utf8'));

export function zoneFor(country, m = merchant) {
  return m.shipping.zones.find((z) => z.countries.includes(country));
}
export function taxRateBps(address, m = merchant) {
  const exact = m.tax.find((t) => t.region === `${address.country}-${address.region}`);
  if (exact) return exact.rate_bps;
  const country = m.tax.find((t) => t.region === address.country);
  return country ? country.rate_bps : 0;
}
/** Half away from zero, as src/platform/money.ts applyBasisPoints. */
export const bps = (amount, basisPoints) => Math.round((amount * basisPoints) / 10_000);
export function discountAmount(code, subtotal, m = merchant) {
  if (!code) return 0;
  const d = m.discounts.find((x) => x.code === code);
  if (!d) throw new Error(`unknown discount ${code}`);
  if (d.min_subtotal && subtotal < d.min_subtotal) throw new Error(`${code} below minimum`);
  return d.type === 'percent' ? Math.round((subtotal * d.value) / 100) : d.value;
}
export function shippingPrice(rate, subtotalAfterDiscount) {
  if (rate.free_over !== undefined && subtotalAfterDiscount >= rate.free_over) return 0;
  return rate.price;
}
const regionOf = (country) => policy.regions.find((r) => r.countries.includes(country) || r.countries.includes('*')).id;
const returnWindowDays = (country) => policy.returns.window_days[regionOf(country)];

// ---------------------------------------------------------------- catalog
function loadCatalog() {
  const rows = parseCsv(readFileSync(resolve(KNOWLEDGE, 'catalog/products.csv'), 'utf8'), { columns: true, bom: true });
  const products = new Map();
  const variants = [];
  let current = null;
  for (const row of rows) {
    if (row.Title) {
      current = {
        handle: row.Handle, title: row.Title, type: row.Type, status: row.Status,
        tags: row.Tags.split(',').map((t) => t.trim()).filter(Boolean),
        giftCard: row['Gift Card'] === 'TRUE',
        optionNames: [row['Option1 Name'], row['Option2 Name'], row['Option3 Name']],
        variants: [],
      };
      products.set(row.Handle, current);
    }
    if (!row['Variant SKU']) continue;
    const product = products.get(row.Handle);
    const options = {};
    product.optionNames.forEach((name, i) => { if (name && name !== 'Title') options[name] = row[`Option${i + 1} Value`]; });
    const variant = {
      sku: row['Variant SKU'], product, options,
      price: Math.round(Number(row['Variant Price']) * 100),
      inventory: row['Variant Inventory Qty'] === '' ? null : Number(row['Variant Inventory Qty']),
    };
    product.variants.push(variant);
    variants.push(variant);
  }
  return { products, variants, bySku: new Map(variants.map((v) => [v.sku, v])) };
}
const catalog = loadCatalog();
const isFinalSale = (product) => policy.returns.final_sale_tags.some((t) => product.tags.includes(t));

// ---------------------------------------------------------------- places
// key: [city, region, postal, country, phone area, streets]
const PLACES = {
  burlington: ['Burlington', 'VT', '05401', 'US', '802', ['Pine St', 'Church St', 'North Ave', 'College St', 'Maple St', 'North Winooski Ave', 'Spruce St', 'Loomis St']],
  'south-burlington': ['South Burlington', 'VT', '05403', 'US', '802', ['Dorset St', 'Kennedy Dr', 'Hinesburg Rd']],
  winooski: ['Winooski', 'VT', '05404', 'US', '802', ['Main St', 'West Allen St', 'Weaver St']],
  'essex-junction': ['Essex Junction', 'VT', '05452', 'US', '802', ['Pearl St', 'Park St', 'Maple St']],
  montpelier: ['Montpelier', 'VT', '05602', 'US', '802', ['State St', 'Elm St', 'Barre St', 'East State St']],
  stowe: ['Stowe', 'VT', '05672', 'US', '802', ['Mountain Rd', 'Maple St', 'School St']],
  middlebury: ['Middlebury', 'VT', '05753', 'US', '802', ['Court St', 'Seminary St', 'Weybridge St']],
  rutland: ['Rutland', 'VT', '05701', 'US', '802', ['Grove St', 'Woodstock Ave', 'Strongs Ave']],
  brattleboro: ['Brattleboro', 'VT', '05301', 'US', '802', ['Western Ave', 'Canal St', 'Green St']],
  waterbury: ['Waterbury', 'VT', '05676', 'US', '802', ['Main St', 'Stowe St']],
  brooklyn: ['Brooklyn', 'NY', '11215', 'US', '718', ['7th Ave', 'Prospect Park W', '5th St', '8th Ave']],
  albany: ['Albany', 'NY', '12203', 'US', '518', ['Western Ave', 'Madison Ave', 'Partridge St']],
  'lake-placid': ['Lake Placid', 'NY', '12946', 'US', '518', ['Main St', 'Saranac Ave']],
  ithaca: ['Ithaca', 'NY', '14850', 'US', '607', ['Cayuga St', 'Buffalo St', 'Aurora St']],
  saratoga: ['Saratoga Springs', 'NY', '12866', 'US', '518', ['Broadway', 'Union Ave', 'Circular St']],
  rochester: ['Rochester', 'NY', '14607', 'US', '585', ['Park Ave', 'Monroe Ave', 'Oxford St']],
  boston: ['Boston', 'MA', '02116', 'US', '617', ['Marlborough St', 'Beacon St', 'Commonwealth Ave']],
  cambridge: ['Cambridge', 'MA', '02139', 'US', '617', ['Massachusetts Ave', 'Pearl St', 'Magazine St']],
  somerville: ['Somerville', 'MA', '02144', 'US', '617', ['Highland Ave', 'Elm St', 'Holland St']],
  northampton: ['Northampton', 'MA', '01060', 'US', '413', ['Main St', 'Elm St', 'Prospect St']],
  worcester: ['Worcester', 'MA', '01609', 'US', '508', ['Highland St', 'Salisbury St']],
  'san-francisco': ['San Francisco', 'CA', '94110', 'US', '415', ['Valencia St', 'Guerrero St', 'Folsom St']],
  oakland: ['Oakland', 'CA', '94610', 'US', '510', ['Grand Ave', 'Lakeshore Ave']],
  berkeley: ['Berkeley', 'CA', '94703', 'US', '510', ['Sacramento St', 'Channing Way']],
  'los-angeles': ['Los Angeles', 'CA', '90026', 'US', '213', ['Sunset Blvd', 'Echo Park Ave']],
  sacramento: ['Sacramento', 'CA', '95816', 'US', '916', ['J St', '28th St']],
  'san-diego': ['San Diego', 'CA', '92104', 'US', '619', ['30th St', 'University Ave']],
  'portland-me': ['Portland', 'ME', '04101', 'US', '207', ['Congress St', 'Danforth St']],
  portsmouth: ['Portsmouth', 'NH', '03801', 'US', '603', ['Market St', 'Islington St']],
  hanover: ['Hanover', 'NH', '03755', 'US', '603', ['Lebanon St', 'School St']],
  denver: ['Denver', 'CO', '80205', 'US', '303', ['Downing St', 'E 28th Ave']],
  boulder: ['Boulder', 'CO', '80302', 'US', '303', ['Pearl St', 'Mapleton Ave']],
  seattle: ['Seattle', 'WA', '98103', 'US', '206', ['N 45th St', 'Fremont Ave N']],
  'portland-or': ['Portland', 'OR', '97214', 'US', '503', ['SE Belmont St', 'SE Hawthorne Blvd']],
  philadelphia: ['Philadelphia', 'PA', '19147', 'US', '215', ['Christian St', 'S 9th St']],
  chicago: ['Chicago', 'IL', '60614', 'US', '312', ['N Halsted St', 'W Armitage Ave']],
  minneapolis: ['Minneapolis', 'MN', '55408', 'US', '612', ['Lyndale Ave S', 'W 28th St']],
  asheville: ['Asheville', 'NC', '28801', 'US', '828', ['Haywood St', 'Charlotte St']],
  'salt-lake': ['Salt Lake City', 'UT', '84102', 'US', '801', ['E 300 S', 'S 900 E']],
  'new-haven': ['New Haven', 'CT', '06511', 'US', '203', ['Orange St', 'Whitney Ave']],
  montreal: ['Montréal', 'QC', 'H2T 1S6', 'CA', '514', ['avenue du Mont-Royal Est', 'rue Saint-Urbain', "avenue de l'Esplanade", 'rue Saint-Denis']],
  quebec: ['Québec', 'QC', 'G1R 2B5', 'CA', '418', ['rue Saint-Jean', 'rue Saint-Louis', 'avenue Cartier']],
  sherbrooke: ['Sherbrooke', 'QC', 'J1H 1Z6', 'CA', '819', ['rue King Ouest', 'rue Wellington Nord']],
  gatineau: ['Gatineau', 'QC', 'J8X 3X7', 'CA', '819', ['rue Laval', 'boulevard Saint-Joseph']],
  toronto: ['Toronto', 'ON', 'M6J 1H4', 'CA', '416', ['Queen St W', 'Ossington Ave']],
  ottawa: ['Ottawa', 'ON', 'K1S 3W4', 'CA', '613', ['Bank St', 'Sunnyside Ave']],
  vancouver: ['Vancouver', 'BC', 'V5L 3X4', 'CA', '604', ['Commercial Dr', 'Victoria Dr']],
  paris: ['Paris', 'IDF', '75011', 'FR', null, ['rue de la Roquette', 'boulevard Voltaire', 'rue Oberkampf']],
  lyon: ['Lyon', 'ARA', '69003', 'FR', null, ['rue Servient', 'cours Lafayette']],
  grenoble: ['Grenoble', 'ARA', '38000', 'FR', null, ['rue Félix Poulat', 'cours Jean Jaurès']],
  chamonix: ['Chamonix-Mont-Blanc', 'ARA', '74400', 'FR', null, ['rue du Docteur Paccard', 'avenue Michel Croz']],
  annecy: ['Annecy', 'ARA', '74000', 'FR', null, ['rue Carnot', 'avenue de Genève']],
  bordeaux: ['Bordeaux', 'NAQ', '33000', 'FR', null, ['rue Sainte-Catherine', "cours de l'Intendance"]],
};

// ---------------------------------------------------------------- customers (hand-written)
// [first, last, locale, home place, options]; options.second = a second address (not default)
const CUSTOMERS = [
  // --- fixtures (see the report printed at the end and scripts/demo/README.md)
  ['Maya', 'Lefebvre', 'en', 'burlington', { line1: '12 Pine St', phone: '+1 802 555 0101', email: 'maya.lefebvre@example.com', created: '2025-03-02T14:11:00Z',
    payment: [{ type: 'card', brand: 'visa', last4: '4242', exp_month: 8, exp_year: 2028 }, { type: 'paypal' }, { type: 'gift_card', last4: '9F3K', balance: 5000 }, { type: 'store_credit', balance: 0 }] }],
  ['Daniel', 'Okafor', 'en', 'brooklyn', { email: 'daniel.okafor@example.com', payment: [{ type: 'card', brand: 'mastercard' }, { type: 'paypal' }] }],
  ['Priya', 'Raman', 'en', 'cambridge', { email: 'priya.raman@example.net', payment: [{ type: 'card', brand: 'visa' }], second: 'boston' }],
  ['Ethan', 'Brooks', 'en', 'oakland', { email: 'ethan.brooks@example.org', payment: [{ type: 'card', brand: 'amex' }] }],
  ['Sofia', 'Marchetti', 'en', 'somerville', { email: 'sofia.marchetti@example.com', payment: [{ type: 'card', brand: 'visa' }, { type: 'store_credit', balance: 0 }] }],
  ['Hannah', 'Whitcomb', 'en', 'stowe', { email: 'hannah.whitcomb@example.com', payment: [{ type: 'card', brand: 'visa' }, { type: 'gift_card', last4: 'H7Q2', balance: 18750 }], second: 'burlington' }],
  ['Marcus', 'Bell', 'en', 'denver', { email: 'marcus.bell@example.net', payment: [{ type: 'card', brand: 'amex' }, { type: 'paypal' }] }],
  ['Camille', 'Dubois', 'fr', 'lyon', { email: 'camille.dubois@example.org', payment: [{ type: 'card', brand: 'mastercard' }] }],
  ['Jean-François', 'Tremblay', 'fr', 'montreal', { email: 'jeanfrancois.tremblay@example.com', payment: [{ type: 'card', brand: 'visa' }, { type: 'paypal' }] }],
  ['Élodie', 'Gagnon', 'fr', 'quebec', { email: 'elodie.gagnon@example.com', payment: [{ type: 'card', brand: 'mastercard' }, { type: 'gift_card', balance: 0 }] }],
  ['Liam', "O'Connor", 'en', 'montpelier', { email: 'liam.oconnor@example.net', payment: [{ type: 'card', brand: 'visa' }, { type: 'store_credit', balance: 4500 }] }],
  // --- everyone else
  ['Grace', 'Chen', 'en', 'south-burlington', { email: 'grace.chen@example.org', payment: [{ type: 'card', brand: 'visa' }, { type: 'paypal' }] }],
  ['Noah', 'Pelletier', 'en', 'winooski', {}],
  ['Ava', 'Thompson', 'en', 'middlebury', { second: 'burlington' }],
  ['Owen', 'Gallagher', 'en', 'rutland', {}],
  ['Chloe', 'Nguyen', 'en', 'brattleboro', {}],
  ['Isaac', 'Rosenberg', 'en', 'essex-junction', {}],
  ['Nina', 'Kowalski', 'en', 'burlington', {}],
  ['Dylan', 'Foster', 'en', 'waterbury', { second: 'stowe' }],
  ['Lauren', 'Hughes', 'en', 'burlington', {}],
  ['Ellie', 'Fisher', 'en', 'montpelier', {}],
  ['Paul', 'Desrosiers', 'en', 'burlington', { second: 'montreal' }],
  ['Annie', 'Thibault', 'en', 'winooski', {}],
  ['Rachel', 'Goldberg', 'en', 'albany', {}],
  ['Kevin', 'Liu', 'en', 'ithaca', {}],
  ['Tomás', 'Alvarez', 'en', 'lake-placid', {}],
  ['Jasmine', 'Patel', 'en', 'rochester', {}],
  ['Ben', 'Carter', 'en', 'saratoga', { second: 'stowe' }],
  ['Aisha', 'Mohammed', 'en', 'brooklyn', {}],
  ['Theo', 'Brennan', 'en', 'ithaca', {}],
  ['Victor', 'Osei', 'en', 'albany', {}],
  ['Patrick', 'Sullivan', 'en', 'boston', { second: 'middlebury' }],
  ['Mei', 'Tanaka', 'en', 'northampton', {}],
  ['Lucas', 'Silva', 'en', 'worcester', {}],
  ['Emily', 'Walsh', 'en', 'cambridge', {}],
  ['Erin', 'McCarthy', 'en', 'boston', {}],
  ['Diego', 'Hernández', 'en', 'san-francisco', {}],
  ['Sarah', 'Kim', 'en', 'berkeley', { second: 'san-francisco' }],
  ['Jordan', 'Reyes', 'en', 'los-angeles', {}],
  ['Natalie', 'Park', 'en', 'sacramento', {}],
  ['Chris', 'Nakamura', 'en', 'san-diego', {}],
  ['Rosa', 'Delgado', 'en', 'san-francisco', {}],
  ['Molly', 'Jensen', 'en', 'portland-me', {}],
  ['Tyler', 'Morrison', 'en', 'portsmouth', {}],
  ['Abby', 'Fitzgerald', 'en', 'hanover', { second: 'burlington' }],
  ['Sam', 'Whitaker', 'en', 'boulder', {}],
  ['Grant', 'Mitchell', 'en', 'denver', {}],
  ['Leah', 'Cohen', 'en', 'seattle', {}],
  ['Ryan', 'Olsen', 'en', 'portland-or', {}],
  ['María', 'González', 'en', 'philadelphia', {}],
  ['Andre', 'Washington', 'en', 'chicago', {}],
  ['Kate', 'Lindqvist', 'en', 'minneapolis', {}],
  ['Hollis', 'Grant', 'en', 'asheville', {}],
  ['Jake', 'Sorensen', 'en', 'salt-lake', {}],
  ['Olivia', 'Bennett', 'en', 'new-haven', { second: 'brattleboro' }],
  ['Mathieu', 'Bouchard', 'fr', 'sherbrooke', {}],
  ['Geneviève', 'Roy', 'fr', 'gatineau', { second: 'ottawa' }],
  ['Nathalie', 'Côté', 'fr', 'montreal', {}],
  ['Olivier', 'Lavoie', 'fr', 'quebec', {}],
  ['Marc-André', 'Bélanger', 'fr', 'montreal', {}],
  ['Sylvie', 'Pelletier', 'fr', 'sherbrooke', {}],
  ['Sarah', 'MacDonald', 'en', 'toronto', {}],
  ['Ian', 'Fraser', 'en', 'ottawa', {}],
  ['Megan', 'Chow', 'en', 'vancouver', {}],
  ['Julien', 'Moreau', 'fr', 'paris', { second: 'chamonix' }],
  ['Claire', 'Fontaine', 'fr', 'grenoble', {}],
  ['Antoine', 'Girard', 'fr', 'chamonix', {}],
  ['Léa', 'Rousseau', 'fr', 'annecy', {}],
  ['Hugo', 'Lefèvre', 'fr', 'bordeaux', {}],
];

const ascii = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const pad = (n, w) => String(n).padStart(w, '0');

function makeCustomers() {
  let addrSeq = 0;
  let pmSeq = 0;
  let phoneSeq = 101;
  const emails = new Set();
  const customers = CUSTOMERS.map(([first, last, locale, home, o], index) => {
    const domain = ['example.com', 'example.com', 'example.net', 'example.org'][index % 4];
    let email = o.email ?? `${ascii(first).toLowerCase().replace(/[^a-z]/g, '')}.${ascii(last).toLowerCase().replace(/[^a-z]/g, '')}@${domain}`;
    if (emails.has(email)) email = email.replace('@', `${index}@`);
    emails.add(email);
    const place = PLACES[home];
    let phone = o.phone;
    if (!phone) {
      if (place[3] === 'FR') phone = `+33 6 39 98 ${pad(randInt(10, 99), 2)} ${pad(randInt(10, 99), 2)}`;
      else { phoneSeq = phoneSeq === 101 ? 102 : phoneSeq + 1; phone = `+1 ${place[4]} 555 ${pad(phoneSeq, 4)}`; }
    }
    const name = `${first} ${last}`;
    const address = (key, isDefault, line1) => {
      const [city, region, postal, country, , streets] = PLACES[key];
      let line2 = '';
      if (line1 === undefined && chance(0.22)) line2 = country === 'US' ? pick(['Apt 2', 'Apt 3B', 'Unit 4', 'Apt 1R', 'Suite 210']) : country === 'CA' ? pick(['app. 3', 'app. 12', 'Unit 5']) : pick(['Bâtiment B', '3e étage', 'Appartement 21']);
      return {
        id: `addr_${pad(++addrSeq, 4)}`, name,
        line1: line1 ?? `${randInt(2, 480)} ${pick(streets)}`, line2, city, region, postal_code: postal, country,
        default: isDefault,
      };
    };
    const addresses = [address(home, true, o.line1)];
    if (o.second) addresses.push(address(o.second, false));
    else if (chance(0.12)) addresses.push(address(home, false));

    const methods = o.payment ?? randomMethods(place[3]);
    const payment_methods = methods.map((m) => {
      const id = `pm_${pad(++pmSeq, 4)}`;
      switch (m.type) {
        case 'card': return { id, type: 'card', brand: m.brand, last4: m.last4 ?? pad(randInt(0, 9999), 4), exp_month: m.exp_month ?? randInt(1, 12), exp_year: m.exp_year ?? randInt(2027, 2031) };
        case 'paypal': return { id, type: 'paypal', email };
        case 'gift_card': return { id, type: 'gift_card', last4: m.last4 ?? giftCode(), balance: m.balance };
        case 'store_credit': return { id, type: 'store_credit', balance: m.balance };
        default: throw new Error(m.type);
      }
    });
    return {
      id: `cus_${pad(index + 1, 4)}`, email, first_name: first, last_name: last, phone, locale,
      created_at: o.created ?? null, addresses, payment_methods,
    };
  });
  return customers;
}

function giftCode() {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 4 }, () => pick(alphabet.split(''))).join('');
}

function randomMethods(_country) {
  const methods = [];
  const brand = () => weighted(['visa', 'mastercard', 'amex'], (b) => ({ visa: 5, mastercard: 3, amex: 2 })[b]);
  const cards = chance(0.88) ? (chance(0.2) ? 2 : 1) : 0;
  for (let i = 0; i < cards; i++) methods.push({ type: 'card', brand: brand() });
  if (chance(cards === 0 ? 1 : 0.35)) methods.push({ type: 'paypal' });
  if (chance(0.38)) {
    const r = rng();
    const balance = r < 0.3 ? 0 : r < 0.8 ? pick([500, 1250, 2500, 3475, 5000, 6210, 7500]) : pick([10000, 12000, 15000, 20000]);
    methods.push({ type: 'gift_card', balance });
  }
  if (chance(0.2)) methods.push({ type: 'store_credit', balance: pick([0, 0, 1895, 2500, 6400]) });
  return methods;
}

// ---------------------------------------------------------------- dates
const HOLIDAYS = new Set(['2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26']); // warehouse and carriers closed
const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);
const iso = (ms) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', 'Z');
const atUtc = (date, hour, minute = 0) => Date.parse(`${date}T${pad(hour, 2)}:${pad(minute, 2)}:00Z`);
const isBusinessDay = (date) => { const d = new Date(`${date}T12:00:00Z`).getUTCDay(); return d !== 0 && d !== 6 && !HOLIDAYS.has(date); };
function addBusinessDays(date, n) {
  let ms = Date.parse(`${date}T12:00:00Z`);
  let left = n;
  while (left > 0) { ms += DAY; if (isBusinessDay(dateOf(ms))) left--; }
  return dateOf(ms);
}
function nextBusinessDay(date) { return addBusinessDays(date, 1); }
/** Whole days between a date and today. */
const daysAgo = (date) => Math.round((NOW - Date.parse(`${date}T00:00:00Z`)) / DAY);
const randomTimeOn = (date, fromHour, toHour) => atUtc(date, 0) + Math.floor(rand(fromHour * 60, toHour * 60)) * 60_000;

const START = Date.parse('2026-05-01T00:00:00Z');
const MONTH_WEIGHT = { '05': 0.8, '06': 1.0, '07': 1.1, '08': 1.0, '09': 0.9, '10': 1.2, '11': 1.4 };
function randomDay(fromMs, toMs) {
  for (;;) {
    const ms = rand(fromMs, toMs);
    if (rng() * 1.4 < MONTH_WEIGHT[dateOf(ms).slice(5, 7)]) return dateOf(ms);
  }
}

/** Ship date for an order placed at `created`: same business day before 1pm ET (17:00 UTC), else next. */
function shipDateFor(created) {
  const date = dateOf(created);
  return isBusinessDay(date) && new Date(created).getUTCHours() < 17 ? date : nextBusinessDay(date);
}

// ---------------------------------------------------------------- carriers
function upsCheck(s) {
  let sum = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const v = /[0-9]/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10;
    sum += i % 2 === 1 ? v * 2 : v;
  }
  return (10 - (sum % 10)) % 10;
}
export function mod10Usps(digits) {
  let sum = 0;
  for (let i = digits.length - 1, k = 0; i >= 0; i--, k++) sum += Number(digits[i]) * (k % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10;
}
const usedTracking = new Set();
function trackingNumber(carrier, service) {
  for (;;) {
    let n;
    const digits = (k) => Array.from({ length: k }, () => randInt(0, 9)).join('');
    if (carrier === 'UPS') { const body = `8V3W72${service === 'express' ? '02' : '03'}${digits(7)}`; n = `1Z${body}${upsCheck(body)}`; }
    else if (carrier === 'USPS') { const body = `9400111${digits(14)}`; n = body + mod10Usps(body); }
    else if (carrier === 'Canada Post') n = `70${digits(14)}`;
    else { const body = `${randInt(1, 9)}${digits(8)}`; n = body + (Number(body) % 7); }
    if (!usedTracking.has(n)) { usedTracking.add(n); return n; }
  }
}
const TRACKING_URL = {
  UPS: (n) => `https://www.ups.com/track?tracknum=${n}`,
  USPS: (n) => `https://tools.usps.com/go/TrackConfirmAction?tLabels=${n}`,
  'Canada Post': (n) => `https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor=${n}`,
  'DHL Express': (n) => `https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id=${n}`,
};
function carrierFor(country, method) {
  if (country === 'CA') return 'Canada Post';
  if (country !== 'US') return 'DHL Express';
  if (method === 'express') return 'UPS';
  return chance(0.55) ? 'UPS' : 'USPS';
}

// ---------------------------------------------------------------- item selection
const TYPE_WEIGHT = {
  Backpacks: 10, 'Backpack Accessories': 3, Tents: 4, 'Tent Accessories': 2, 'Sleeping Bags': 5, 'Sleeping Pads': 3,
  'Rain Jackets': 8, 'Rain Pants': 3, Fleece: 7, Accessories: 4, 'Insulated Jackets': 5, 'Base Layers': 6,
  'Hiking Boots': 7, 'Trail Shoes': 6, Sandals: 2, Gaiters: 1, Socks: 8, 'Trekking Poles': 3, Headlamps: 4,
  Lanterns: 1, 'Water Bottles': 4, Hydration: 2, 'Water Filters': 3, Stoves: 3, 'Stove Fuel': 3, Cookware: 3,
  'Hiking Pants': 4, 'First Aid': 2,
};
const typeCounts = {};
for (const product of catalog.products.values()) typeCounts[product.type] = (typeCounts[product.type] ?? 0) + 1;
const ARCHIVED_BEFORE = Date.parse('2026-08-01T00:00:00Z');
const SIZED = (product) => product.optionNames.some((n) => ['Size', 'Length', 'Width', 'Waist'].includes(n));

function eligibleProducts(ctx) {
  return [...catalog.products.values()].filter((product) => {
    if (product.giftCard || product.status === 'draft') return false;
    if (product.status === 'archived' && !(ctx.status === 'delivered' && ctx.created < ARCHIVED_BEFORE)) return false;
    if (ctx.country !== 'US' && product.tags.includes('us-only')) return false;
    if (ctx.method === 'express' && product.tags.includes('ground-only')) return false;
    if (ctx.noFinalSale && isFinalSale(product)) return false;
    return true;
  });
}
function chooseLines(ctx) {
  const products = eligibleProducts(ctx);
  const count = weighted([1, 2, 3, 4], (n) => ({ 1: 50, 2: 30, 3: 13, 4: 7 })[n]);
  const lines = [];
  const needsStock = ['pending', 'processing', 'shipped'].includes(ctx.status);
  for (let guard = 0; lines.length < count && guard < 50; guard++) {
    const pool = lines.length === 0 && ctx.sizedFirst ? products.filter(SIZED) : products;
    const product = weighted(pool, (p) => (TYPE_WEIGHT[p.type] ?? 1) / typeCounts[p.type]);
    const variants = product.variants.filter((v) => !needsStock || (v.inventory ?? 1) > 0);
    if (variants.length === 0) continue;
    const variant = pick(variants);
    if (lines.some((l) => l.sku === variant.sku)) continue;
    const cheap = variant.price <= 3000;
    const quantity = cheap ? weighted([1, 2, 3], (q) => ({ 1: 55, 2: 30, 3: 15 })[q]) : weighted([1, 2, 3], (q) => ({ 1: 88, 2: 10, 3: 2 })[q]);
    lines.push({ sku: variant.sku, quantity });
  }
  return lines;
}

// Store-wide sales: some lines bought during these events paid 20% less than today's price.
const SALE_EVENTS = [['2026-05-22', '2026-05-25'], ['2026-07-02', '2026-07-05'], ['2026-09-04', '2026-09-07'], ['2026-11-26', '2026-11-27']];
const salePrice = (price) => Math.max(Math.round((price * 0.8) / 100) * 100 - 5, 95);

// ---------------------------------------------------------------- fixtures
// Hand-specified orders that the demo and evals rely on. Each lists what matters; the rest is derived.
const FIXTURES = [
  { key: 'delivered-in-window-backpack', customer: "Maya Lefebvre", status: 'delivered', created: '2026-11-09T14:22:00Z',
    lines: [['NW-STM32-BLU', 1], ['NW-SKHC-M-GRY', 2]], carrier: 'UPS', transit: 3, payments: ['card'] },
  { key: 'delivered-outside-window', customer: "Daniel Okafor", status: 'delivered', created: '2026-10-02T15:40:00Z',
    lines: [['NW-RDG28-SLT', 1], ['NW-BCN400-BLK', 1]], carrier: 'USPS', transit: 4, payments: ['card'] },
  { key: 'pending', customer: "Priya Raman", status: 'pending', created: '2026-11-27T16:42:00Z',
    lines: [['NW-CHFW-M-BER', 1], ['NW-SQLW-M-TEA', 1]], payments: ['card'] },
  { key: 'shipped', customer: "Ethan Brooks", status: 'shipped', created: '2026-11-23T15:05:00Z',
    lines: [['NW-HOL2-SAG', 1], ['NW-LOFT-REG', 1]], carrier: 'UPS', transit: 6, payments: ['card'] },
  { key: 'final-sale-delivered-recently', customer: "Sofia Marchetti", status: 'delivered', created: '2026-11-13T19:10:00Z',
    lines: [['NW-SHRP-M-OAT', 1], ['NW-M150W-S-BLK', 1]], carrier: 'USPS', transit: 3, payments: ['card'] },
  { key: 'gift-card-split', customer: "Hannah Whitcomb", status: 'delivered', created: '2026-09-18T13:30:00Z',
    lines: [['NW-GUNMID-085-BRN', 1]], carrier: 'UPS', transit: 2, payments: ['gift_card:5000', 'card'] },
  { key: 'over-250-delivered-recently', customer: "Marcus Bell", status: 'delivered', created: '2026-11-10T17:55:00Z',
    lines: [['NW-GLD55-ML-BLK', 1], ['NW-TMPM-L-GRA', 1]], carrier: 'UPS', transit: 4, payments: ['card'] },
  { key: 'eu-delivered-38-days-ago', customer: "Camille Dubois", status: 'delivered', created: '2026-10-08T09:15:00Z',
    lines: [['NW-TRVP38-NVY', 1], ['NW-M150W-M-DSK', 1]], carrier: 'DHL Express', transit: 9, payments: ['card'] },
  { key: 'pending-canada-fr', customer: "Jean-François Tremblay", status: 'pending', created: '2026-11-27T20:05:00Z',
    lines: [['NW-FHDM-L-SPR', 1], ['NW-SKEX-L', 2]], payments: ['card'] },
  { key: 'return-requested-canada', customer: "Élodie Gagnon", status: 'return_requested', created: '2026-11-02T15:20:00Z',
    lines: [['NW-SQLW-S-BLK', 1]], carrier: 'Canada Post', transit: 6, requestedDaysAfter: 4, payments: ['card'] },
  { key: 'exchange-requested-boots', customer: "Liam O'Connor", status: 'exchange_requested', created: '2026-11-16T14:00:00Z',
    lines: [['NW-PRES-100-REG', 1], ['NW-SKHC-L-FOR', 1]], carrier: 'UPS', transit: 3, requestedDaysAfter: 2, payments: ['card'] },
  { key: 'cancelled', customer: "Grace Chen", status: 'cancelled', created: '2026-10-21T16:00:00Z',
    lines: [['NW-BC4-OS', 1]], cancelAfterHours: 3, payments: ['paypal'] },
];

// ---------------------------------------------------------------- order plans
const STATUS_COUNTS = { pending: 40, processing: 27, shipped: 50, delivered: 152, cancelled: 27, return_requested: 20, exchange_requested: 20 };

function rateFor(country, methodId) {
  const zone = zoneFor(country);
  return zone.rates.find((r) => r.id === methodId) ?? zone.rates[0];
}

/** Timeline for one order. Returns null when the sampled dates do not fit its status. */
function timeline(plan) {
  const { status, country } = plan;
  const rate = rateFor(country, plan.method);
  const created = plan.created;
  const t = { created };
  if (status === 'pending') { t.updated = created; return t; }
  if (status === 'processing') { t.updated = Math.min(created + rand(1, 10) * 3_600_000, NOW - 60_000); return t; }
  if (status === 'cancelled') {
    t.cancelled = Math.min(created + (plan.cancelAfterHours ?? rand(0.2, 20)) * 3_600_000, NOW - 60_000);
    t.updated = t.cancelled;
    return t;
  }
  const packages = plan.packages ?? 1;
  t.shipments = [];
  let shipDate = shipDateFor(created);
  for (let k = 0; k < packages; k++) {
    if (k > 0) shipDate = addBusinessDays(shipDate, randInt(1, 2));
    const transit = plan.transit ?? (chance(0.06) ? rate.max_days + 1 : randInt(rate.min_days, Math.min(rate.max_days, rate.min_days + 4)));
    const estimated = addBusinessDays(shipDate, rate.max_days);
    const deliveredDate = addBusinessDays(shipDate, Math.max(1, transit));
    const shippedAt = Math.max(created + 30 * 60_000, randomTimeOn(shipDate, 19, 23));
    t.shipments.push({ shippedAt, estimated: atUtc(estimated, 23), deliveredAt: status === 'shipped' ? null : randomTimeOn(deliveredDate, 14, 23), deliveredDate });
  }
  const last = t.shipments[t.shipments.length - 1];
  if (t.shipments.some((s) => s.shippedAt >= NOW)) return null;
  if (status === 'shipped') {
    // still in transit today: not delivered yet and the estimate is in the future
    if (t.shipments.some((s) => s.deliveredDate < TODAY || s.estimated <= NOW + DAY)) return null;
    t.updated = last.shippedAt;
    return t;
  }
  if (t.shipments.some((s) => s.deliveredAt >= NOW)) return null;
  const window = returnWindowDays(country);
  const ages = t.shipments.map((s) => daysAgo(dateOf(s.deliveredAt)));
  // keep every delivery well clear of a return-window edge (30 or 45 days) so fixtures are unambiguous
  if (!plan.fixture && ages.some((a) => [30, 45].some((w) => Math.abs(a - w) <= 2))) return null;
  const deliveredAt = Math.max(...t.shipments.map((s) => s.deliveredAt));
  if (status === 'delivered') { t.updated = deliveredAt; return t; }
  // return_requested / exchange_requested: requested inside the window
  const age = daysAgo(dateOf(deliveredAt));
  if (age < 2 || age > window - 4) return null;
  const after = plan.requestedDaysAfter ?? rand(0.3, age - 1);
  t.requested = Math.min(deliveredAt + after * DAY, NOW - 60_000);
  t.updated = t.requested;
  return t;
}

function createdRangeFor(status) {
  switch (status) {
    case 'pending': return [Date.parse('2026-11-25T22:00:00Z'), Date.parse('2026-11-27T23:30:00Z')];
    case 'processing': return [Date.parse('2026-11-23T12:00:00Z'), Date.parse('2026-11-27T12:00:00Z')];
    case 'shipped': return [Date.parse('2026-11-12T12:00:00Z'), Date.parse('2026-11-27T16:00:00Z')];
    case 'delivered': return [START, Date.parse('2026-11-24T00:00:00Z')];
    case 'cancelled': return [START, Date.parse('2026-11-27T20:00:00Z')];
    default: return [Date.parse('2026-09-20T00:00:00Z'), Date.parse('2026-11-24T00:00:00Z')];
  }
}

function main() {
  const customers = makeCustomers();
  const byName = new Map(customers.map((c) => [`${c.first_name} ${c.last_name}`, c]));
  const plans = [];

  for (const f of FIXTURES) {
    const customer = byName.get(f.customer);
    if (!customer) throw new Error(`fixture customer ${f.customer} not found`);
    const address = customer.addresses.find((a) => a.default);
    const plan = {
      fixture: f.key, customer, address, status: f.status, country: address.country, created: Date.parse(f.created),
      method: address.country === 'US' ? 'standard' : zoneFor(address.country).rates[0].id,
      lines: f.lines.map(([sku, quantity]) => ({ sku, quantity })), carrier: f.carrier, transit: f.transit,
      requestedDaysAfter: f.requestedDaysAfter, cancelAfterHours: f.cancelAfterHours, payments: f.payments,
    };
    plan.t = timeline(plan);
    if (!plan.t) throw new Error(`fixture ${f.key} has dates that do not fit its status`);
    plans.push(plan);
  }

  // Everyone orders at least once, then repeat customers (a few loyal ones order a lot).
  const loyalty = new Map(customers.map((c) => [c.id, chance(0.2) ? 3 : 1]));
  const fixtureCount = {};
  for (const p of plans) fixtureCount[p.status] = (fixtureCount[p.status] ?? 0) + 1;
  const statuses = shuffle(Object.entries(STATUS_COUNTS).flatMap(([s, n]) => Array(n - (fixtureCount[s] ?? 0)).fill(s)));
  const customerQueue = shuffle(customers.filter((c) => !plans.some((p) => p.customer === c)));
  for (const status of statuses) {
    const customer = customerQueue.shift() ?? weighted(customers, (c) => loyalty.get(c.id));
    const address = customer.addresses.length > 1 && chance(0.25) ? customer.addresses.find((a) => !a.default) : customer.addresses.find((a) => a.default);
    const country = address.country;
    const plan = { customer, address, status, country };
    const zone = zoneFor(country);
    plan.method = country === 'US' && chance(0.12) ? 'express' : zone.rates[0].id;
    const [from, to] = createdRangeFor(status);
    for (let attempt = 0; ; attempt++) {
      if (attempt > 500) throw new Error(`could not place a ${status} order for ${customer.email}`);
      plan.created = randomTimeOn(randomDay(from, to), 11, 24);
      if (plan.created < from || plan.created > to) continue;
      plan.packages = 1;
      plan.t = timeline(plan);
      if (plan.t) break;
    }
    plan.lines = chooseLines({
      status, country, method: plan.method, created: plan.created,
      noFinalSale: status === 'return_requested' || status === 'exchange_requested',
      sizedFirst: status === 'exchange_requested',
    });
    if (['shipped', 'delivered'].includes(status) && plan.lines.length >= 2 && chance(0.15)) {
      // part of the order ships a day or two later in a second box
      const single = plan.t;
      plan.packages = 2;
      plan.t = timeline(plan);
      if (!plan.t) { plan.packages = 1; plan.t = single; }
    }
    plans.push(plan);
  }

  plans.sort((a, b) => a.created - b.created || a.customer.id.localeCompare(b.customer.id));

  // ---------------------------------------------------------------- pricing, payments, fulfillments
  const seenCustomer = new Set();
  let li = 0, pay = 0, ful = 0;
  const orders = [];
  for (const [index, plan] of plans.entries()) {
    const firstOrder = !seenCustomer.has(plan.customer.id);
    seenCustomer.add(plan.customer.id);
    const createdDate = dateOf(plan.created);
    const onSale = SALE_EVENTS.some(([a, b]) => createdDate >= a && createdDate <= b);
    const lineItems = plan.lines.map((l) => {
      const variant = catalog.bySku.get(l.sku);
      if (!variant) throw new Error(`unknown SKU ${l.sku}`);
      const discounted = !plan.fixture && onSale && !isFinalSale(variant.product) && chance(0.6);
      return { id: `li_${++li}`, sku: l.sku, quantity: l.quantity, unit_price: discounted ? salePrice(variant.price) : variant.price };
    });
    const subtotal = lineItems.reduce((s, l) => s + l.quantity * l.unit_price, 0);
    const rate = rateFor(plan.country, plan.method);
    let code = null;
    if (!plan.fixture) {
      if (firstOrder && subtotal >= 7500 && chance(0.3)) code = 'WELCOME15';
      else if (subtotal >= 5000 && chance(0.12)) code = 'TRAIL10';
      if (code && rate.free_over !== undefined && subtotal - discountAmount(code, subtotal) === rate.free_over) code = null;
    }
    // never sit exactly on a free-shipping threshold, so the data does not depend on >= vs >
    for (let guard = 0; rate.free_over !== undefined && guard < 5; guard++) {
      const sub = lineItems.reduce((s, l) => s + l.quantity * l.unit_price, 0);
      if (sub - discountAmount(code, sub) !== rate.free_over) break;
      if (code) { code = null; continue; }
      const line = lineItems.find((l) => l.quantity < 3);
      if (line) line.quantity += 1;
    }
    const sub2 = lineItems.reduce((s, l) => s + l.quantity * l.unit_price, 0);
    const disc2 = discountAmount(code, sub2);
    const shippingCost = shippingPrice(rate, sub2 - disc2);
    const tax = bps(sub2 - disc2, taxRateBps(plan.address));
    const total = sub2 - disc2 + shippingCost + tax;
    plan.total = total;

    // payments
    const methods = plan.customer.payment_methods;
    const card = methods.find((m) => m.type === 'card');
    const charges = [];
    if (plan.payments) {
      let remaining = total;
      for (const spec of plan.payments) {
        const [type, amountText] = spec.split(':');
        const method = methods.find((m) => m.type === type);
        if (!method) throw new Error(`fixture ${plan.fixture}: ${plan.customer.email} has no ${type}`);
        const amount = amountText ? Number(amountText) : remaining;
        remaining -= amount;
        charges.push({ method, amount });
      }
      if (remaining !== 0) throw new Error(`fixture ${plan.fixture}: payments do not cover the total`);
    } else {
      const options = methods.filter((m) => m.type === 'card' || m.type === 'paypal'
        || (['gift_card', 'store_credit'].includes(m.type) && m.balance > 0 && total <= 10000));
      const method = weighted(options, (m) => ({ card: 10, paypal: 4, gift_card: 1, store_credit: 1 })[m.type]);
      charges.push({ method, amount: total });
    }
    plan.charges = charges;
    plan.lineItems = lineItems;
    plan.subtotal = sub2;
    plan.discount = disc2;
    plan.shippingCost = shippingCost;
    plan.tax = tax;
    plan.card = card;
    plan.number = `NW-${10001 + index}`;
  }

  // ~10% of orders are split between a gift card and a card
  const splitTarget = Math.round(plans.length * 0.1);
  let splits = plans.filter((p) => p.charges.length === 2).length;
  for (const plan of shuffle(plans.filter((p) => !p.fixture))) {
    if (splits >= splitTarget) break;
    const gift = plan.customer.payment_methods.find((m) => m.type === 'gift_card');
    if (!gift || !plan.card || plan.total < 4000) continue;
    const giftAmount = Math.min(pick([2500, 5000, 7500, 10000]), plan.total - 1500);
    plan.charges = [{ method: gift, amount: giftAmount }, { method: plan.card, amount: plan.total - giftAmount }];
    splits++;
  }

  for (const plan of plans) {
    const createdIso = iso(plan.created);
    const payments = plan.charges.map((c) => ({ id: `pay_${++pay}`, kind: 'charge', method_id: c.method.id, amount: c.amount, created_at: createdIso }));
    if (plan.status === 'cancelled') {
      for (const c of [...payments]) payments.push({ id: `pay_${++pay}`, kind: 'refund', method_id: c.method_id, amount: c.amount, created_at: iso(plan.t.cancelled) });
    }
    const fulfillments = [];
    if (plan.t.shipments) {
      const carrier = plan.carrier ?? carrierFor(plan.country, plan.method);
      const groups = plan.t.shipments.length === 1 ? [plan.lineItems]
        : [plan.lineItems.slice(0, Math.ceil(plan.lineItems.length / 2)), plan.lineItems.slice(Math.ceil(plan.lineItems.length / 2))];
      plan.t.shipments.forEach((s, k) => {
        const number = trackingNumber(carrier, plan.method);
        // delivered_at is left out (not null) while a parcel is in transit
        fulfillments.push({
          id: `ful_${++ful}`, carrier, tracking_number: number, tracking_url: TRACKING_URL[carrier](number),
          status: s.deliveredAt ? 'delivered' : 'in_transit',
          shipped_at: iso(s.shippedAt), estimated_delivery: iso(s.estimated),
          ...(s.deliveredAt ? { delivered_at: iso(s.deliveredAt) } : {}),
          line_items: groups[k].map((l) => ({ id: l.id, quantity: l.quantity })),
        });
      });
    }
    const { name, line1, line2, city, region, postal_code, country } = plan.address;
    plan.order = {
      number: plan.number, customer_id: plan.customer.id, status: plan.status, currency: merchant.currency,
      created_at: createdIso, updated_at: iso(plan.t.updated),
      shipping_address: { name, line1, line2, city, region, postal_code, country },
      line_items: plan.lineItems,
      shipping: { method: plan.method, price: plan.shippingCost },
      discount: plan.discount, tax: plan.tax, payments, fulfillments,
    };
    orders.push(plan.order);
  }

  // customer sign-up dates: before their first order (some signed up at that checkout)
  for (const customer of customers) {
    if (customer.created_at) continue;
    const first = plans.find((p) => p.customer === customer);
    const created = chance(0.3) ? first.created - randInt(2, 15) * 60_000 : Math.max(Date.parse('2023-02-01T00:00:00Z'), first.created - randInt(3, 900) * DAY);
    customer.created_at = iso(created - (created % 60_000));
  }

  mkdirSync(resolve(KNOWLEDGE, 'orders'), { recursive: true });
  writeFileSync(resolve(KNOWLEDGE, 'orders/customers.json'), JSON.stringify(customers, null, 2) + '\n');
  writeFileSync(resolve(KNOWLEDGE, 'orders/orders.json'), JSON.stringify(orders, null, 2) + '\n');

  const byStatus = {};
  for (const o of orders) byStatus[o.status] = (byStatus[o.status] ?? 0) + 1;
  console.log(`wrote ${customers.length} customers and ${orders.length} orders`, byStatus);
  console.log('fixtures:');
  for (const plan of plans.filter((p) => p.fixture)) console.log(`  ${plan.fixture.padEnd(30)} ${plan.number}  ${plan.customer.email}  ${plan.status}`);
}

main();

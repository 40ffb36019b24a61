#!/usr/bin/env node
// Verifies the demo merchant's generated data: knowledge/catalog/products.csv,
// knowledge/orders/customers.json and knowledge/orders/orders.json. Independent of the generators:
// it re-derives every rule from merchant.yaml / policy.yaml and the CSV. Exits 1 on any failure.
//
//   node scripts/demo/check-demo.mjs

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const KNOWLEDGE = resolve(here, '../../knowledge');
const TODAY = '2026-11-28';
const NOW = Date.parse(`${TODAY}T00:00:00Z`);
const DAY = 86_400_000;

const failures = [];
let checks = 0;
function check(condition, message) {
  checks++;
  if (!condition) failures.push(message);
  return Boolean(condition);
}
const section = (title) => console.log(`\n== ${title}`);

const merchant = YAML.parse(readFileSync(resolve(KNOWLEDGE, 'merchant.yaml'), 'utf8'));
const policy = YAML.parse(readFileSync(resolve(KNOWLEDGE, 'policy.yaml'), 'utf8'));

// ====================================================================== catalog
const EXPECTED_HEADER = 'Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option1 Linked To,Option2 Name,Option2 Value,Option2 Linked To,Option3 Name,Option3 Value,Option3 Linked To,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Qty,Variant Inventory Policy,Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Unit Price Total Measure,Unit Price Total Measure Unit,Unit Price Base Measure,Unit Price Base Measure Unit,Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,Variant Image,Variant Weight Unit,Variant Tax Code,Cost per item,Status'.split(',');
const PRODUCT_LEVEL = ['Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published', 'Option1 Name', 'Option2 Name', 'Option3 Name', 'Gift Card', 'SEO Title', 'SEO Description', 'Status'];

section('catalog: knowledge/catalog/products.csv');
const csvText = readFileSync(resolve(KNOWLEDGE, 'catalog/products.csv'), 'utf8');
const table = parseCsv(csvText, { relax_column_count: false });
const header = table[0];
check(JSON.stringify(header) === JSON.stringify(EXPECTED_HEADER), 'CSV header is not the exact Shopify export header');
const rows = table.slice(1).map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));

const products = new Map();
const variants = new Map();
let currentHandle = null;
for (const [i, row] of rows.entries()) {
  const line = i + 2;
  if (row.Title) {
    check(!products.has(row.Handle), `line ${line}: handle ${row.Handle} starts twice`);
    check(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(row.Handle), `line ${line}: handle ${row.Handle} is not a slug`);
    currentHandle = row.Handle;
    products.set(row.Handle, {
      handle: row.Handle, title: row.Title, body: row['Body (HTML)'], type: row.Type, status: row.Status, category: row['Product Category'],
      tags: row.Tags.split(',').map((t) => t.trim()).filter(Boolean), published: row.Published, giftCard: row['Gift Card'] === 'TRUE',
      optionNames: [row['Option1 Name'], row['Option2 Name'], row['Option3 Name']].filter(Boolean), variants: [], images: [],
    });
  } else {
    check(row.Handle === currentHandle, `line ${line}: continuation row for ${row.Handle} does not follow its product`);
    for (const field of PRODUCT_LEVEL) check(row[field] === '', `line ${line}: continuation row has product field ${field}`);
  }
  const product = products.get(row.Handle);
  if (!product) continue;
  if (row['Image Src']) {
    product.images.push(row['Image Src']);
    check(new RegExp(`^https://cdn\\.northwind-trail\\.example/products/${row.Handle}-\\d+\\.jpg$`).test(row['Image Src']), `line ${line}: unexpected Image Src ${row['Image Src']}`);
    check(row['Image Position'] === String(product.images.length), `line ${line}: Image Position out of order`);
  }
  if (!row['Variant SKU']) {
    check(!row['Variant Price'] && !row['Option1 Value'], `line ${line}: variant data without a SKU`);
    continue;
  }
  const sku = row['Variant SKU'];
  check(!variants.has(sku), `line ${line}: duplicate SKU ${sku}`);
  check(/^NW-[A-Z0-9]+(-[A-Z0-9]+)+$/.test(sku), `line ${line}: SKU ${sku} does not look like NW-<CODE>-<OPT>`);
  check(/^\d+\.\d{2}$/.test(row['Variant Price']), `line ${line}: price ${row['Variant Price']} is not like 129.00`);
  const price = Math.round(Number(row['Variant Price']) * 100);
  const compare = row['Variant Compare At Price'] ? Math.round(Number(row['Variant Compare At Price']) * 100) : null;
  if (compare !== null) check(/^\d+\.\d{2}$/.test(row['Variant Compare At Price']) && compare > price, `line ${line}: compare-at ${row['Variant Compare At Price']} must exceed the price`);
  const options = {};
  product.optionNames.forEach((name, k) => {
    const value = row[`Option${k + 1} Value`];
    check(value, `line ${line}: ${sku} has no value for option ${name}`);
    if (name !== 'Title') options[name] = value;
  });
  for (let k = product.optionNames.length; k < 3; k++) check(!row[`Option${k + 1} Value`], `line ${line}: option value without option name`);
  const inventory = row['Variant Inventory Qty'] === '' ? null : Number(row['Variant Inventory Qty']);
  check(inventory === null ? product.giftCard : Number.isInteger(inventory) && inventory >= 0, `line ${line}: bad inventory`);
  check(/^\d+$/.test(row['Variant Grams']), `line ${line}: grams`);
  check(['lb', 'oz', 'kg', 'g'].includes(row['Variant Weight Unit']), `line ${line}: weight unit`);
  check(row['Variant Inventory Policy'] === 'deny' && row['Variant Fulfillment Service'] === 'manual', `line ${line}: inventory policy / fulfillment service`);
  check(product.giftCard || /^\d{12}$/.test(row['Variant Barcode']), `line ${line}: barcode should be a 12-digit UPC`);
  const variant = { sku, product, price, compare, inventory, options, requiresShipping: row['Variant Requires Shipping'] === 'TRUE', taxable: row['Variant Taxable'] === 'TRUE' };
  product.variants.push(variant);
  variants.set(sku, variant);
}
for (const product of products.values()) {
  const combos = new Set(product.variants.map((v) => JSON.stringify(v.options)));
  check(combos.size === product.variants.length, `${product.handle}: two variants with the same options`);
  check(product.variants.length > 0, `${product.handle}: no variants`);
  check(product.images[0]?.endsWith(`/${product.handle}-1.jpg`), `${product.handle}: first image should be ${product.handle}-1.jpg`);
  const words = product.body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;
  check(words >= 40 && words <= 120, `${product.handle}: description has ${words} words (40-120)`);
  check(/^<p>/.test(product.body) && /<\/(p|ul)>$/.test(product.body), `${product.handle}: description is not HTML paragraphs/lists`);
  check(['active', 'draft', 'archived'].includes(product.status), `${product.handle}: status ${product.status}`);
  check(product.published === (product.status === 'active' ? 'TRUE' : 'FALSE'), `${product.handle}: Published does not match Status`);
  check(product.category.includes(' > '), `${product.handle}: product category should be a taxonomy path`);
}
const productList = [...products.values()];
const variantList = [...variants.values()];
check(productList.length >= 85, `only ${productList.length} products (need 85+)`);
check(variantList.length >= 300, `only ${variantList.length} variants (need 300+)`);

const REQUIRED_TYPES = ['Backpacks', 'Tents', 'Sleeping Bags', 'Rain Jackets', 'Fleece', 'Base Layers', 'Hiking Boots', 'Trail Shoes', 'Socks', 'Trekking Poles', 'Headlamps', 'Water Bottles', 'Water Filters', 'Stoves', 'Cookware', 'Gift Cards'];
for (const type of REQUIRED_TYPES) check(productList.some((p) => p.type === type && p.status === 'active'), `no active product of type ${type}`);
const bags = productList.filter((p) => p.type === 'Sleeping Bags' && p.tags.some((t) => /^\d+F$/.test(t)));
check(bags.some((p) => p.tags.includes('down')) && bags.some((p) => p.tags.includes('synthetic')), 'need down and synthetic sleeping bags with temperature ratings');
check(bags.every((p) => /\d+°F/.test(p.title) && /lower limit \d+°F/.test(p.body)), 'sleeping bag titles and bodies state the temperature rating');
for (const type of ['Hiking Boots', 'Trail Shoes']) {
  for (const p of productList.filter((x) => x.type === type)) {
    const sizes = new Set(p.variants.map((v) => v.options.Size));
    check(sizes.has('7') && sizes.has('13') && [...sizes].every((s) => Number(s) >= 7 && Number(s) <= 13), `${p.handle}: footwear sizes should span US 7-13`);
  }
}

// required backpacks and their claims
const REQUIRED_PACKS = [
  ['Ridgeline 28', 12900, false, /up to 15 inches/, /water-resistant, not waterproof/],
  ['Stormline 32', 13900, true, /Laptop sleeve: yes, removable and padded, fits laptops up to 16 inches/, /roll-top/],
  ['Alpine Dry 24', 11900, true, /Laptop sleeve: none/, /waterproof/],
  ['Summit Dry 45', 21900, true, /Laptop sleeve: none/, /waterproof/],
  ['Traverse Pro 38', 17900, true, /up to 15 inches/, /waterproof/],
  ['Cascade Commuter 22', 9900, true, /up to 14 inches/, /waterproof/],
];
for (const [title, price, waterproof, sleeve, claim] of REQUIRED_PACKS) {
  const p = productList.find((x) => x.title === title);
  if (!check(p, `missing backpack ${title}`)) continue;
  check(p.variants.every((v) => v.price === price), `${title} should cost ${price / 100}`);
  check(p.tags.includes('waterproof') === waterproof, `${title}: waterproof tag should be ${waterproof}`);
  check(sleeve.test(p.body) && claim.test(p.body), `${title}: description does not state its sleeve / waterproofing clearly`);
  check(p.body.includes(waterproof ? 'Waterproof: yes' : 'Waterproof: no'), `${title}: description needs a "Waterproof: yes/no" line`);
}
const waterproofHiking = productList.filter((p) => p.type === 'Backpacks' && p.status === 'active' && p.tags.includes('waterproof') && p.tags.includes('hiking'));
check(waterproofHiking.length >= 6, 'need 6+ waterproof hiking backpacks');
check(waterproofHiking.filter((p) => p.variants[0].price < 15000).length >= 3, 'need 3+ waterproof hiking backpacks under $150');
check(waterproofHiking.filter((p) => p.variants[0].price > 15000).length >= 3, 'need 3+ waterproof hiking backpacks over $150');
for (const p of productList.filter((x) => x.type === 'Backpacks')) {
  check(/Laptop sleeve: (none|yes)/.test(p.body) || p.tags.includes('running') || p.tags.includes('kids') || p.tags.includes('hip-pack'), `${p.handle}: backpack description should say whether it has a laptop sleeve`);
}
const gift = productList.find((p) => p.giftCard);
if (check(gift, 'no gift card product')) {
  check(JSON.stringify(gift.variants.map((v) => v.price)) === JSON.stringify([2500, 5000, 10000]), 'gift card denominations should be $25/$50/$100');
  check(gift.variants.every((v) => !v.requiresShipping && !v.taxable), 'gift cards should not require shipping nor be taxable');
}
const finalSale = productList.filter((p) => p.tags.includes('final-sale'));
const onSale = productList.filter((p) => p.variants.some((v) => v.compare));
const notActive = productList.filter((p) => p.status !== 'active');
const soldOut = variantList.filter((v) => v.inventory === 0 && v.product.status === 'active');
check(finalSale.length >= 3, 'need a few final-sale products');
check(finalSale.every((p) => p.tags.includes('clearance')), 'final-sale products should be tagged clearance too');
check(onSale.length >= 5, 'need some compare-at prices');
check(notActive.length >= 3, 'need 3 draft/archived products');
check(soldOut.length >= 5, 'need several active variants with inventory 0');

console.log(`products: ${productList.length} (${productList.filter((p) => p.status === 'active').length} active, ${notActive.map((p) => `${p.handle}=${p.status}`).join(', ')})`);
console.log(`variants: ${variantList.length}; sold out (active): ${soldOut.length}; products with compare-at: ${onSale.length}; final-sale: ${finalSale.map((p) => p.handle).join(', ')}`);

// ====================================================================== customers
section('customers: knowledge/orders/customers.json');
const customers = JSON.parse(readFileSync(resolve(KNOWLEDGE, 'orders/customers.json'), 'utf8'));
const sameKeys = (obj, keys) => JSON.stringify(Object.keys(obj)) === JSON.stringify(keys);
const CUSTOMER_KEYS = ['id', 'email', 'first_name', 'last_name', 'phone', 'locale', 'created_at', 'addresses', 'payment_methods'];
const ADDRESS_KEYS = ['id', 'name', 'line1', 'line2', 'city', 'region', 'postal_code', 'country', 'default'];
const PM_KEYS = { card: ['id', 'type', 'brand', 'last4', 'exp_month', 'exp_year'], paypal: ['id', 'type', 'email'], gift_card: ['id', 'type', 'last4', 'balance'], store_credit: ['id', 'type', 'balance'] };
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
check(customers.length >= 64, `only ${customers.length} customers (need 64+)`);
const customerById = new Map();
const methodOwner = new Map();
const ids = { cus: new Set(), email: new Set(), addr: new Set(), pm: new Set() };
for (const c of customers) {
  check(sameKeys(c, CUSTOMER_KEYS), `${c.id}: keys ${Object.keys(c)}`);
  check(/^cus_\d{4}$/.test(c.id) && !ids.cus.has(c.id), `${c.id}: bad or duplicate id`);
  check(/^[a-z0-9.]+@example\.(com|net|org)$/.test(c.email) && !ids.email.has(c.email), `${c.id}: bad or duplicate email ${c.email}`);
  ids.cus.add(c.id); ids.email.add(c.email);
  customerById.set(c.id, c);
  check(merchant.locales.includes(c.locale), `${c.id}: locale ${c.locale}`);
  check(ISO.test(c.created_at) && Date.parse(c.created_at) < NOW, `${c.id}: created_at`);
  check(/^\+(1 \d{3} 555 01\d{2}|33 6 \d{2} \d{2} \d{2} \d{2})$/.test(c.phone), `${c.id}: phone ${c.phone}`);
  check(c.addresses.length >= 1 && c.addresses.length <= 2, `${c.id}: ${c.addresses.length} addresses`);
  check(c.addresses.filter((a) => a.default === true).length === 1, `${c.id}: must have exactly one default address`);
  for (const a of c.addresses) {
    check(sameKeys(a, ADDRESS_KEYS), `${a.id}: keys`);
    check(!ids.addr.has(a.id), `${a.id}: duplicate address id`);
    ids.addr.add(a.id);
    check(a.name === `${c.first_name} ${c.last_name}` && a.line1 && a.city && a.region && a.postal_code, `${a.id}: incomplete address`);
    if (a.country === 'US') check(/^\d{5}$/.test(a.postal_code), `${a.id}: US ZIP`);
    if (a.country === 'CA') check(/^[A-Z]\d[A-Z] \d[A-Z]\d$/.test(a.postal_code), `${a.id}: Canadian postal code`);
    if (a.country === 'FR') check(/^\d{5}$/.test(a.postal_code), `${a.id}: French postal code`);
    check(merchant.shipping.zones.some((z) => z.countries.includes(a.country)), `${a.id}: we do not ship to ${a.country}`);
  }
  check(c.payment_methods.length >= 1, `${c.id}: no payment method`);
  for (const m of c.payment_methods) {
    check(PM_KEYS[m.type] && sameKeys(m, PM_KEYS[m.type]), `${m.id}: keys for ${m.type}`);
    check(!ids.pm.has(m.id), `${m.id}: duplicate payment method id`);
    ids.pm.add(m.id);
    methodOwner.set(m.id, { customer: c, method: m });
    if (m.type === 'card') check(['visa', 'mastercard', 'amex'].includes(m.brand) && /^\d{4}$/.test(m.last4) && m.exp_month >= 1 && m.exp_month <= 12 && m.exp_year >= 2027, `${m.id}: card`);
    if (m.type === 'paypal') check(/@example\.(com|net|org)$/.test(m.email), `${m.id}: paypal email`);
    if (m.type === 'gift_card') check(/^[A-Z0-9]{4}$/.test(m.last4) && Number.isInteger(m.balance) && m.balance >= 0, `${m.id}: gift card`);
    if (m.type === 'store_credit') check(Number.isInteger(m.balance) && m.balance >= 0, `${m.id}: store credit`);
  }
}
const allMethods = customers.flatMap((c) => c.payment_methods);
const defaultAddr = (c) => c.addresses.find((a) => a.default) ?? c.addresses[0];
const countries = new Set(customers.map((c) => defaultAddr(c).country));
const states = new Set(customers.flatMap((c) => c.addresses).filter((a) => a.country === 'US').map((a) => a.region));
for (const s of ['VT', 'NY', 'MA', 'CA']) check(states.has(s), `no customer in ${s}`);
check(states.size >= 8, 'need customers in several other US states');
for (const k of ['US', 'CA', 'FR']) check(countries.has(k), `no customer in ${k}`);
check(customers.some((c) => c.locale === 'fr' && defaultAddr(c).country === 'FR'), 'need French customers with locale fr');
check(customers.some((c) => c.locale === 'fr' && defaultAddr(c).country === 'CA'), 'need French-Canadian customers with locale fr');
for (const b of ['visa', 'mastercard', 'amex']) check(allMethods.some((m) => m.brand === b), `no ${b} card`);
check(allMethods.some((m) => m.type === 'paypal'), 'no PayPal');
check(allMethods.some((m) => m.type === 'store_credit'), 'no store credit');
check(allMethods.some((m) => m.type === 'gift_card' && m.balance === 0), 'need a gift card with a zero balance');
check(allMethods.some((m) => m.type === 'gift_card' && m.balance > 10000), 'need a gift card over $100');
const byType = {};
for (const m of allMethods) byType[m.type] = (byType[m.type] ?? 0) + 1;
console.log(`customers: ${customers.length}; default-address countries: ${[...countries].join(', ')}; US states: ${[...states].sort().join(', ')}`);
console.log(`locales: ${JSON.stringify(Object.fromEntries(merchant.locales.map((l) => [l, customers.filter((c) => c.locale === l).length])))}; two addresses: ${customers.filter((c) => c.addresses.length === 2).length}; payment methods: ${JSON.stringify(byType)}`);

// ====================================================================== orders
section('orders: knowledge/orders/orders.json');
const orders = JSON.parse(readFileSync(resolve(KNOWLEDGE, 'orders/orders.json'), 'utf8'));
const ORDER_KEYS = ['number', 'customer_id', 'status', 'currency', 'created_at', 'updated_at', 'shipping_address', 'line_items', 'shipping', 'discount', 'tax', 'payments', 'fulfillments'];
const SHIP_ADDR_KEYS = ['name', 'line1', 'line2', 'city', 'region', 'postal_code', 'country'];
const STATUSES = ['pending', 'processing', 'shipped', 'delivered', 'cancelled', 'return_requested', 'exchange_requested'];
const TARGET_SHARE = { pending: 12, processing: 8, shipped: 15, delivered: 45, cancelled: 8, return_requested: 6, exchange_requested: 6 };
const FUL_KEYS = ['id', 'carrier', 'tracking_number', 'tracking_url', 'status', 'shipped_at', 'estimated_delivery', 'delivered_at', 'line_items'];

const zoneFor = (country) => merchant.shipping.zones.find((z) => z.countries.includes(country));
const taxRate = (a) => (merchant.tax.find((t) => t.region === `${a.country}-${a.region}`) ?? merchant.tax.find((t) => t.region === a.country))?.rate_bps ?? 0;
const windowDays = (country) => policy.returns.window_days[policy.regions.find((r) => r.countries.includes(country) || r.countries.includes('*')).id];
const daysAgo = (ts) => Math.round((NOW - Date.parse(`${ts.slice(0, 10)}T00:00:00Z`)) / DAY);
const isFinal = (sku) => variants.get(sku)?.product.tags.some((t) => policy.returns.final_sale_tags.includes(t));
function upsValid(n) {
  if (!/^1Z[0-9A-Z]{16}$/.test(n)) return false;
  const s = n.slice(2, 17);
  let sum = 0;
  for (let i = 0; i < s.length; i++) { const c = s[i]; const v = /\d/.test(c) ? Number(c) : (c.charCodeAt(0) - 63) % 10; sum += i % 2 ? 2 * v : v; }
  return (10 - (sum % 10)) % 10 === Number(n[17]);
}
function uspsValid(n) {
  if (!/^9400\d{18}$/.test(n)) return false;
  let sum = 0;
  for (let i = 20, k = 0; i >= 0; i--, k++) sum += Number(n[i]) * (k % 2 === 0 ? 3 : 1);
  return (10 - (sum % 10)) % 10 === Number(n[21]);
}
const TRACKING = {
  UPS: [upsValid, 'https://www.ups.com/track?tracknum='],
  USPS: [uspsValid, 'https://tools.usps.com/go/TrackConfirmAction?tLabels='],
  'Canada Post': [(n) => /^\d{16}$/.test(n), 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor='],
  'DHL Express': [(n) => /^\d{10}$/.test(n) && Number(n.slice(0, 9)) % 7 === Number(n[9]), 'https://www.dhl.com/us-en/home/tracking/tracking-express.html?submit=1&tracking-id='],
};
const CARRIERS_BY_COUNTRY = { US: ['UPS', 'USPS'], CA: ['Canada Post'] };

check(orders.length >= 320, `only ${orders.length} orders (need 320+)`);
const seen = { li: new Set(), pay: new Set(), ful: new Set(), tracking: new Set() };
const firstOrderOf = new Map();
const counts = Object.fromEntries(STATUSES.map((s) => [s, 0]));
const delivered = { within30: 0, d31to60: 0, older: 0 };
let splitCount = 0;
let discounted = { TRAIL10: 0, WELCOME15: 0 };
let salePriced = 0;
let previousCreated = 0;
for (const [i, o] of orders.entries()) {
  const where = o.number;
  check(sameKeys(o, ORDER_KEYS), `${where}: keys ${Object.keys(o)}`);
  check(o.number === `NW-${10001 + i}`, `${where}: numbers should run NW-10001, NW-10002, ... in order`);
  check(STATUSES.includes(o.status), `${where}: status ${o.status}`);
  counts[o.status]++;
  check(o.currency === merchant.currency, `${where}: currency`);
  const created = Date.parse(o.created_at);
  check(ISO.test(o.created_at) && created >= Date.parse('2026-05-01T00:00:00Z') && created < NOW, `${where}: created_at ${o.created_at} outside 2026-05-01..2026-11-27`);
  check(created >= previousCreated, `${where}: orders are not in created_at order`);
  previousCreated = created;
  check(ISO.test(o.updated_at) && Date.parse(o.updated_at) >= created && Date.parse(o.updated_at) < NOW, `${where}: updated_at`);
  const customer = customerById.get(o.customer_id);
  if (!check(customer, `${where}: unknown customer ${o.customer_id}`)) continue;
  if (!firstOrderOf.has(customer.id)) firstOrderOf.set(customer.id, o.number);
  check(Date.parse(customer.created_at) <= created, `${where}: customer signed up after ordering`);
  check(sameKeys(o.shipping_address, SHIP_ADDR_KEYS), `${where}: shipping_address keys`);
  check(customer.addresses.some((a) => SHIP_ADDR_KEYS.every((k) => a[k] === o.shipping_address[k])), `${where}: shipping address is not one of the customer's addresses`);
  const country = o.shipping_address.country;

  // line items
  check(o.line_items.length >= 1 && o.line_items.length <= 4, `${where}: ${o.line_items.length} line items`);
  check(new Set(o.line_items.map((l) => l.sku)).size === o.line_items.length, `${where}: repeated SKU`);
  let subtotal = 0;
  for (const l of o.line_items) {
    check(sameKeys(l, ['id', 'sku', 'quantity', 'unit_price']), `${where}: line item keys`);
    check(/^li_\d+$/.test(l.id) && !seen.li.has(l.id), `${where}: line item id ${l.id}`);
    seen.li.add(l.id);
    const v = variants.get(l.sku);
    if (!check(v, `${where}: SKU ${l.sku} is not in the catalog`)) continue;
    check(Number.isInteger(l.quantity) && l.quantity >= 1 && l.quantity <= 3, `${where}: quantity ${l.quantity}`);
    check(Number.isInteger(l.unit_price) && l.unit_price > 0 && l.unit_price <= v.price, `${where}: ${l.sku} unit_price ${l.unit_price} above catalog price ${v.price}`);
    if (l.unit_price < v.price) salePriced++;
    check(!v.product.giftCard && v.product.status !== 'draft', `${where}: ${l.sku} is a gift card or a draft product`);
    if (v.product.status === 'archived') check(o.status === 'delivered' && o.created_at < '2026-08-01', `${where}: archived ${l.sku} in a recent order`);
    if (country !== 'US') check(!v.product.tags.includes('us-only'), `${where}: ${l.sku} cannot ship outside the US`);
    if (o.shipping.method === 'express') check(!v.product.tags.includes('ground-only'), `${where}: ${l.sku} is ground-only`);
    if (['return_requested', 'exchange_requested'].includes(o.status)) check(!isFinal(l.sku), `${where}: final-sale ${l.sku} in a ${o.status} order`);
    subtotal += l.quantity * l.unit_price;
  }

  // discount, shipping, tax, total
  const after = subtotal - o.discount;
  if (o.discount !== 0) {
    const trail = merchant.discounts.find((d) => d.code === 'TRAIL10');
    const welcome = merchant.discounts.find((d) => d.code === 'WELCOME15');
    const isTrail = subtotal >= trail.min_subtotal && o.discount === Math.round((subtotal * trail.value) / 100);
    const isWelcome = subtotal >= welcome.min_subtotal && o.discount === welcome.value && firstOrderOf.get(customer.id) === o.number;
    check(isTrail || isWelcome, `${where}: discount ${o.discount} matches no code`);
    discounted[isWelcome ? 'WELCOME15' : 'TRAIL10']++;
  }
  const zone = zoneFor(country);
  const rate = zone?.rates.find((r) => r.id === o.shipping.method);
  if (check(rate, `${where}: shipping method ${o.shipping.method} not offered to ${country}`)) {
    const expected = rate.free_over !== undefined && after >= rate.free_over ? 0 : rate.price;
    check(o.shipping.price === expected, `${where}: shipping ${o.shipping.price}, expected ${expected}`);
    check(rate.free_over === undefined || after !== rate.free_over, `${where}: sits exactly on the free-shipping threshold`);
  }
  const expectedTax = Math.round((after * taxRate(o.shipping_address)) / 10_000);
  check(o.tax === expectedTax, `${where}: tax ${o.tax}, expected ${expectedTax}`);
  const total = after + o.shipping.price + o.tax;

  // payments
  const charges = o.payments.filter((p) => p.kind === 'charge');
  const refunds = o.payments.filter((p) => p.kind === 'refund');
  for (const p of o.payments) {
    check(sameKeys(p, ['id', 'kind', 'method_id', 'amount', 'created_at']), `${where}: payment keys`);
    check(/^pay_\d+$/.test(p.id) && !seen.pay.has(p.id), `${where}: payment id ${p.id}`);
    seen.pay.add(p.id);
    check(['charge', 'refund'].includes(p.kind) && Number.isInteger(p.amount) && p.amount > 0, `${where}: payment ${p.id}`);
    check(methodOwner.get(p.method_id)?.customer === customer, `${where}: ${p.method_id} is not one of the customer's payment methods`);
    check(Date.parse(p.created_at) >= created && Date.parse(p.created_at) < NOW, `${where}: payment time`);
  }
  check(charges.length >= 1 && charges.length <= 2, `${where}: ${charges.length} charges`);
  check(charges.reduce((s, p) => s + p.amount, 0) === total, `${where}: charges ${charges.reduce((s, p) => s + p.amount, 0)} != total ${total}`);
  if (charges.length === 2) {
    const types = charges.map((p) => methodOwner.get(p.method_id).method.type).sort().join('+');
    check(types === 'card+gift_card', `${where}: split payment should be gift card + card (${types})`);
    splitCount++;
  }
  if (o.status === 'cancelled') {
    check(refunds.length === charges.length && charges.every((c) => refunds.some((r) => r.method_id === c.method_id && r.amount === c.amount)), `${where}: cancelled order needs one full refund per charge`);
    check(refunds.every((r) => r.created_at === o.updated_at), `${where}: refunds happen when the order is cancelled`);
  } else {
    check(refunds.length === 0, `${where}: refund on a ${o.status} order`);
  }

  // fulfillments
  const shipsOut = ['shipped', 'delivered', 'return_requested', 'exchange_requested'].includes(o.status);
  check(shipsOut ? o.fulfillments.length >= 1 : o.fulfillments.length === 0, `${where}: ${o.fulfillments.length} fulfillments for a ${o.status} order`);
  const fulfilledQty = {};
  for (const f of o.fulfillments) {
    check(sameKeys(f, f.status === 'in_transit' ? FUL_KEYS.filter((k) => k !== 'delivered_at') : FUL_KEYS), `${where}: fulfillment keys (delivered_at only once delivered)`);
    check(/^ful_\d+$/.test(f.id) && !seen.ful.has(f.id), `${where}: fulfillment id ${f.id}`);
    seen.ful.add(f.id);
    const allowed = CARRIERS_BY_COUNTRY[country] ?? ['DHL Express'];
    check(allowed.includes(f.carrier), `${where}: carrier ${f.carrier} for ${country}`);
    if (o.shipping.method === 'express') check(f.carrier === 'UPS', `${where}: express ships UPS`);
    const [valid, prefix] = TRACKING[f.carrier] ?? [() => false, ''];
    check(valid(f.tracking_number), `${where}: tracking number ${f.tracking_number} is not a valid ${f.carrier} number`);
    check(f.tracking_url === prefix + f.tracking_number, `${where}: tracking URL`);
    check(!seen.tracking.has(f.tracking_number), `${where}: tracking number reused`);
    seen.tracking.add(f.tracking_number);
    const shipped = Date.parse(f.shipped_at);
    check(shipped > created && shipped < NOW, `${where}: shipped_at`);
    check(Date.parse(f.estimated_delivery) > shipped, `${where}: estimated_delivery before shipping`);
    if (o.status === 'shipped') {
      check(f.status === 'in_transit' && !('delivered_at' in f), `${where}: shipped order fulfillment should be in transit, without delivered_at`);
      check(Date.parse(f.estimated_delivery) > NOW, `${where}: shipped order's estimated delivery should be in the future`);
    } else {
      check(f.status === 'delivered' && Date.parse(f.delivered_at) > shipped && Date.parse(f.delivered_at) < NOW, `${where}: delivered fulfillment dates`);
    }
    for (const l of f.line_items) fulfilledQty[l.id] = (fulfilledQty[l.id] ?? 0) + l.quantity;
  }
  if (shipsOut) {
    check(o.line_items.every((l) => fulfilledQty[l.id] === l.quantity) && Object.keys(fulfilledQty).length === o.line_items.length, `${where}: fulfillments do not cover the line items exactly`);
  }
  const lastDelivery = o.fulfillments.filter((f) => f.delivered_at).map((f) => f.delivered_at).sort().at(-1);
  if (o.status === 'delivered') {
    const age = daysAgo(lastDelivery);
    if (age <= 30) delivered.within30++; else if (age <= 60) delivered.d31to60++; else delivered.older++;
  }
  if (['return_requested', 'exchange_requested'].includes(o.status)) {
    check(Date.parse(o.updated_at) > Date.parse(lastDelivery), `${where}: request before delivery`);
    check(daysAgo(lastDelivery) < windowDays(country), `${where}: ${o.status} outside the ${windowDays(country)}-day window`);
  }
  if (o.status === 'exchange_requested') check(o.line_items.some((l) => Object.keys(variants.get(l.sku)?.options ?? {}).some((n) => ['Size', 'Length', 'Width', 'Waist'].includes(n))), `${where}: exchange order has nothing that comes in sizes`);
  if (o.status === 'pending') check(NOW - created < 4 * DAY, `${where}: pending order is not recent`);
  if (o.status === 'processing') check(NOW - created < 6 * DAY, `${where}: processing order is not recent`);
  o._total = total; o._lastDelivery = lastDelivery; o._customer = customer;
}
for (const s of STATUSES) {
  const share = (counts[s] / orders.length) * 100;
  check(counts[s] > 0, `no ${s} orders`);
  check(Math.abs(share - TARGET_SHARE[s]) <= 2, `${s}: ${share.toFixed(1)}% of orders (target ~${TARGET_SHARE[s]}%)`);
}
check(delivered.within30 >= 10 && delivered.d31to60 >= 10 && delivered.older >= 10, `delivered spread: ${JSON.stringify(delivered)}`);
check(splitCount / orders.length >= 0.08 && splitCount / orders.length <= 0.12, `split payments: ${splitCount} (~10% wanted)`);
check(discounted.TRAIL10 > 0 && discounted.WELCOME15 > 0, 'both discount codes should be used');
check(customers.every((c) => firstOrderOf.has(c.id)), 'every customer should have at least one order');
const months = new Set(orders.map((o) => o.created_at.slice(0, 7)));
check(['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'].every((m) => months.has(m)), 'orders should span May to November 2026');

console.log(`orders: ${orders.length}; by status: ${STATUSES.map((s) => `${s} ${counts[s]} (${((counts[s] / orders.length) * 100).toFixed(1)}%)`).join(', ')}`);
console.log(`delivered orders by last delivery: ${delivered.within30} within 30 days, ${delivered.d31to60} 31-60 days ago, ${delivered.older} older`);
console.log(`split gift card + card payments: ${splitCount}; discounts: ${JSON.stringify(discounted)}; sale-priced lines: ${salePriced}; international orders: ${orders.filter((o) => o.shipping_address.country !== 'US').length}; express: ${orders.filter((o) => o.shipping.method === 'express').length}; multi-box: ${orders.filter((o) => o.fulfillments.length > 1).length}`);

// ====================================================================== fixtures
section('fixtures');
const backpackSku = (sku) => variants.get(sku)?.product.type === 'Backpacks';
const inWindow = (o) => o._lastDelivery && daysAgo(o._lastDelivery) < windowDays(o.shipping_address.country);
const FIXTURES = [
  ['customer with a delivered order in the return window containing a backpack', (o) => o.status === 'delivered' && inWindow(o) && o.line_items.some((l) => backpackSku(l.sku)), 'maya.lefebvre@example.com'],
  ['delivered order 40+ days ago (outside the window)', (o) => o.status === 'delivered' && daysAgo(o._lastDelivery) >= 40 && daysAgo(o._lastDelivery) <= 60 && o.shipping_address.country === 'US', 'daniel.okafor@example.com'],
  ['pending order', (o) => o.status === 'pending', 'priya.raman@example.net'],
  ['shipped order (in transit, delivery estimate in the future)', (o) => o.status === 'shipped', 'ethan.brooks@example.org'],
  ['final-sale item delivered recently', (o) => o.status === 'delivered' && inWindow(o) && o.line_items.some((l) => isFinal(l.sku)), 'sofia.marchetti@example.com'],
  ['order above $250 (delivered, in window: a full refund needs approval)', (o) => o._total > 25000 && o.status === 'delivered' && inWindow(o), 'marcus.bell@example.net'],
  ['EU order delivered 31-44 days ago (open in the EU 45-day window only)', (o) => o.status === 'delivered' && o.shipping_address.country === 'FR' && daysAgo(o._lastDelivery) > 30 && daysAgo(o._lastDelivery) < 45, 'camille.dubois@example.org'],
  ['pending order in Canada, French-speaking customer', (o) => o.status === 'pending' && o.shipping_address.country === 'CA' && o._customer.locale === 'fr', 'jeanfrancois.tremblay@example.com'],
  ['return requested (Canada)', (o) => o.status === 'return_requested' && o.shipping_address.country === 'CA', 'elodie.gagnon@example.com'],
  ['exchange requested (boots, size)', (o) => o.status === 'exchange_requested' && o.line_items.some((l) => variants.get(l.sku).product.type === 'Hiking Boots'), 'liam.oconnor@example.net'],
  ['cancelled order with refund', (o) => o.status === 'cancelled', 'grace.chen@example.org'],
  ['gift card + card split payment', (o) => o.payments.filter((p) => p.kind === 'charge').length === 2, 'hannah.whitcomb@example.com'],
];
for (const [label, test, email] of FIXTURES) {
  const matches = orders.filter((o) => o._customer?.email === email && test(o));
  if (check(matches.length > 0, `fixture missing: ${label} for ${email}`)) {
    const describe = (o) => `${o.number} ($${(o._total / 100).toFixed(2)}${o._lastDelivery ? `, delivered ${o._lastDelivery.slice(0, 10)}, ${daysAgo(o._lastDelivery)} days ago` : ''})`;
    console.log(`- ${label}: ${email}: ${matches.map(describe).join('; ')}`);
  }
}
const bigGift = customers.filter((c) => c.payment_methods.some((m) => m.type === 'gift_card' && m.balance >= 15000));
if (check(bigGift.some((c) => c.email === 'hannah.whitcomb@example.com'), 'fixture missing: hannah.whitcomb@example.com with a gift card balance of $150+')) {
  console.log(`- gift card balance >= $150: ${bigGift.map((c) => `${c.email} ($${(c.payment_methods.find((m) => m.type === 'gift_card').balance / 100).toFixed(2)})`).join(', ')}`);
}
check(orders.filter((o) => o._total > 25000).length >= 5, 'need several orders above $250');

// ====================================================================== result
console.log(`\n${checks} checks, ${failures.length} failed`);
if (failures.length) {
  for (const f of failures.slice(0, 60)) console.log(`  FAIL ${f}`);
  if (failures.length > 60) console.log(`  ... and ${failures.length - 60} more`);
  process.exit(1);
}

#!/usr/bin/env node
// Generates knowledge/catalog/products.csv: the demo merchant's catalog (Northwind Trail Co.) as a
// Shopify product CSV export. The product table below is hand-written; the only "random" values
// (stock levels) come from a seeded PRNG, so every run writes the same file byte for byte.
//
//   node scripts/demo/generate-catalog.mjs [--out path/to/products.csv]

import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? resolve(process.argv[outArg + 1]) : resolve(here, '../../knowledge/catalog/products.csv');

export const HEADER = ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published',
  'Option1 Name', 'Option1 Value', 'Option1 Linked To', 'Option2 Name', 'Option2 Value', 'Option2 Linked To',
  'Option3 Name', 'Option3 Value', 'Option3 Linked To', 'Variant SKU', 'Variant Grams', 'Variant Inventory Tracker',
  'Variant Inventory Qty', 'Variant Inventory Policy', 'Variant Fulfillment Service', 'Variant Price',
  'Variant Compare At Price', 'Variant Requires Shipping', 'Variant Taxable', 'Unit Price Total Measure',
  'Unit Price Total Measure Unit', 'Unit Price Base Measure', 'Unit Price Base Measure Unit', 'Variant Barcode',
  'Image Src', 'Image Position', 'Image Alt Text', 'Gift Card', 'SEO Title', 'SEO Description', 'Variant Image',
  'Variant Weight Unit', 'Variant Tax Code', 'Cost per item', 'Status'];

const CDN = 'https://cdn.northwind-trail.example/products';
const NW = 'Northwind Trail Co.';
const SOCKWORKS = 'Green Mountain Sockworks';

// ---------------------------------------------------------------- seeded PRNG (mulberry32)
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
const rng = mulberry32(20261128);

// ---------------------------------------------------------------- helpers for the table
const CAT = {
  pack: 'Luggage & Bags > Backpacks',
  hip: 'Luggage & Bags > Fanny Packs',
  camping: 'Sporting Goods > Outdoor Recreation > Camping & Hiking',
  tent: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Tents',
  tentAcc: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Tent Accessories',
  bag: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Sleeping Bags',
  pad: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Sleeping Pads',
  jacket: 'Apparel & Accessories > Clothing > Outerwear > Coats & Jackets',
  rainPants: 'Apparel & Accessories > Clothing > Outerwear > Rain Pants',
  vest: 'Apparel & Accessories > Clothing > Outerwear > Vests',
  base: 'Apparel & Accessories > Clothing > Underwear & Socks > Long Johns',
  socks: 'Apparel & Accessories > Clothing > Underwear & Socks > Socks',
  pants: 'Apparel & Accessories > Clothing > Pants',
  hat: 'Apparel & Accessories > Clothing Accessories > Hats',
  accessory: 'Apparel & Accessories > Clothing Accessories',
  boots: 'Apparel & Accessories > Shoes > Boots',
  shoes: 'Apparel & Accessories > Shoes > Athletic Shoes',
  sandals: 'Apparel & Accessories > Shoes > Sandals',
  shoeAcc: 'Apparel & Accessories > Shoe Accessories',
  poles: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Hiking Poles',
  headlamp: 'Hardware > Tools > Flashlights & Headlamps > Headlamps',
  lantern: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Camping Lights & Lanterns',
  bottle: 'Home & Garden > Kitchen & Dining > Food & Beverage Carriers > Water Bottles',
  hydration: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Hydration Systems',
  filter: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Portable Water Filters & Purifiers',
  stove: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Portable Cooking Stoves',
  cook: 'Sporting Goods > Outdoor Recreation > Camping & Hiking > Camping Cookware & Dinnerware',
  firstAid: 'Health & Beauty > Health Care > First Aid > First Aid Kits',
  gift: 'Arts & Entertainment > Party & Celebration > Gift Giving > Gift Cards & Certificates',
};

/** An option: `opt('Color', 'Spruce Green|GRN', 'Slate Gray|SLT')`; without `|CODE` the code is derived. */
function opt(name, ...values) {
  return {
    name,
    values: values.map((value) => {
      const [label, code] = value.split('|');
      return { label, code: code ?? label.toUpperCase().replace(/[^A-Z0-9]/g, '') };
    }),
  };
}
const MEN = ['S', 'M', 'L', 'XL', 'XXL'];
const WOMEN = ['XS', 'S', 'M', 'L', 'XL'];
const UNISEX = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const shoeCode = (size) => String(Math.round(Number(size) * 10)).padStart(3, '0');
const SHOE_WHOLE = ['7', '8', '9', '10', '11', '12', '13'].map((s) => `${s}|${shoeCode(s)}`);
const SHOE_HALF = ['7', '7.5', '8', '8.5', '9', '9.5', '10', '10.5', '11', '11.5', '12', '12.5', '13'].map((s) => `${s}|${shoeCode(s)}`);

const p = (text) => `<p>${text}</p>`;
const ul = (...items) => `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;

// ---------------------------------------------------------------- the product table
// price / compare in dollars; grams per variant; priceFor / gramsFor / compareFor override by option label.
// zero: option codes (joined with "-") of variants that are sold out.
const PRODUCTS = [
  // ============================== Backpacks
  {
    handle: 'ridgeline-28', title: 'Ridgeline 28', code: 'RDG28', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'daypack', 'hiking', 'laptop-sleeve', 'water-resistant', 'commuter'],
    price: 129, grams: 1050, options: [opt('Color', 'Spruce Green|GRN', 'Slate Gray|SLT', 'Ember Orange|ORG')], zero: ['ORG'],
    seoTitle: 'Ridgeline 28 Hiking Daypack with 15-inch Laptop Sleeve',
    seoDescription: 'A 28-liter water-resistant hiking daypack with a padded sleeve for laptops up to 15 inches.',
    body: p('The Ridgeline 28 is our everyday hiking daypack: big enough for a full day on the Long Trail, tidy enough for the office. The 420D nylon body has a PU coating and a DWR finish that shed showers, but the pack is <strong>water-resistant, not waterproof</strong>: the zippers and seams are not sealed, so add a rain cover in sustained rain.')
      + ul('Capacity: 28 liters', 'Laptop sleeve: yes, padded, fits laptops up to 15 inches', 'Waterproof: no (water-resistant fabric)', 'Ventilated mesh back panel, hip belt with zip pockets', 'Weight: 2 lb 5 oz'),
  },
  {
    handle: 'stormline-32', title: 'Stormline 32', code: 'STM32', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'waterproof', 'roll-top', 'hiking', 'laptop-sleeve', 'commuter'],
    price: 139, grams: 1180, options: [opt('Color', 'Black|BLK', 'Glacier Blue|BLU', 'Moss|MOS')],
    seoTitle: 'Stormline 32 Waterproof Roll-Top Backpack with 16-inch Laptop Sleeve',
    seoDescription: 'A fully waterproof 32-liter roll-top hiking pack with a removable sleeve for 16-inch laptops.',
    body: p('A fully waterproof roll-top pack for wet trail days and rainy bike commutes. The Stormline 32 is built from welded 500D TPU-laminated fabric with no stitched seams in the main body: roll the top down three times, clip it, and the contents stay dry in a downpour. Inside, a removable padded sleeve holds laptops up to 16 inches and lifts out when you want the full volume for gear.')
      + ul('Capacity: 32 liters', 'Waterproof: yes, roll-top closure and welded seams', 'Laptop sleeve: yes, removable and padded, fits laptops up to 16 inches', 'Weight: 2 lb 10 oz'),
  },
  {
    handle: 'alpine-dry-24', title: 'Alpine Dry 24', code: 'ALPD24', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'waterproof', 'roll-top', 'daypack', 'hiking'],
    price: 119, grams: 820, options: [opt('Color', 'Summit Red|RED', 'Black|BLK', 'Trail Yellow|YEL')],
    seoTitle: 'Alpine Dry 24 Waterproof Hiking Daypack',
    seoDescription: 'A light, waterproof 24-liter roll-top daypack for hiking. No laptop sleeve.',
    body: p('A light, waterproof daypack for hikers who keep going when the forecast turns. The Alpine Dry 24 uses a welded roll-top main compartment and a waterproof front zip pocket, so a phone, map and spare layer stay dry on exposed ridgelines. It is built for the trail, not the office.')
      + ul('Capacity: 24 liters', 'Waterproof: yes, roll-top closure and welded seams', 'Laptop sleeve: none (hydration sleeve for a 2-liter reservoir)', 'Padded hip belt, two stretch bottle pockets', 'Weight: 1 lb 13 oz'),
  },
  {
    handle: 'summit-dry-45', title: 'Summit Dry 45', code: 'SUMD45', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'waterproof', 'roll-top', 'backpacking', 'hiking'],
    price: 219, grams: 1650, options: [opt('Size', 'S/M|SM', 'M/L|ML'), opt('Color', 'Graphite|GRA', 'Lichen Green|LCH')], zero: ['ML-LCH'],
    seoTitle: 'Summit Dry 45 Waterproof Backpacking Pack',
    body: p('Our waterproof pack for overnights and fast-and-light weekends. The Summit Dry 45 pairs a welded roll-top body with an adjustable suspension and an aluminum stay that carries up to 35 lb comfortably. The lid pocket and hip-belt pockets are waterproof too, so nothing needs a dry bag.')
      + ul('Capacity: 45 liters', 'Waterproof: yes, roll-top closure and welded seams', 'Laptop sleeve: none (internal hydration sleeve only)', 'Sizes: S/M fits torsos 15-19 in, M/L fits 17-21 in', 'Weight: 3 lb 10 oz'),
  },
  {
    handle: 'traverse-pro-38', title: 'Traverse Pro 38', code: 'TRVP38', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'waterproof', 'hiking', 'laptop-sleeve', 'travel'],
    price: 179, grams: 1420, options: [opt('Color', 'Graphite|GRA', 'Navy|NVY', 'Rust|RST')],
    seoTitle: 'Traverse Pro 38 Waterproof Pack with 15-inch Laptop Sleeve',
    body: p('The Traverse Pro 38 is a waterproof hiking and travel pack with a full clamshell opening. Seam-taped 420D fabric and water-sealed zippers keep rain out of every compartment, and a padded, suspended laptop sleeve protects a computer on the bus to the trailhead or through an airport.')
      + ul('Capacity: 38 liters', 'Waterproof: yes, taped seams and water-sealed zippers', 'Laptop sleeve: yes, padded, fits laptops up to 15 inches', 'Stowable hip belt, lockable zipper pulls', 'Weight: 3 lb 2 oz'),
  },
  {
    handle: 'cascade-commuter-22', title: 'Cascade Commuter 22', code: 'CSC22', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'waterproof', 'commuter', 'hiking', 'laptop-sleeve', 'daypack'],
    price: 99, grams: 780, options: [opt('Color', 'Black|BLK', 'Heather Gray|HGR', 'Teal|TEA')],
    body: p('A compact waterproof pack that goes from bike lane to short hike. The Cascade Commuter 22 has a welded TPU-coated body, a waterproof zipper on the main compartment and reflective trim for dark evenings.')
      + ul('Capacity: 22 liters', 'Waterproof: yes, welded body and waterproof zipper', 'Laptop sleeve: yes, padded, fits laptops up to 14 inches', 'Rear light loop and removable sternum strap', 'Weight: 1 lb 12 oz'),
  },
  {
    handle: 'glacier-dry-55', title: 'Glacier Dry 55', code: 'GLD55', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'waterproof', 'roll-top', 'backpacking', 'expedition', 'hiking'],
    price: 289, grams: 1980, options: [opt('Size', 'S/M|SM', 'M/L|ML'), opt('Color', 'Black|BLK', 'Signal Orange|ORG')],
    body: p('Our largest waterproof pack, made for multi-day trips in wet country: think the Presidential Traverse in October or a week on the Chilkoot. Welded seams, a roll-top collar and a waterproof lid mean no pack liner is needed. The load-transfer frame carries up to 45 lb.')
      + ul('Capacity: 55 liters', 'Waterproof: yes, roll-top closure and welded seams', 'Laptop sleeve: none', 'Sizes: S/M fits torsos 15-19 in, M/L fits 17-21 in', 'Weight: 4 lb 6 oz'),
  },
  {
    handle: 'birch-day-18', title: 'Birch Day 18', code: 'BRCH18', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'daypack', 'hiking', 'lightweight'],
    price: 69, grams: 560, options: [opt('Color', 'Birch|BIR', 'Forest|FOR', 'Dusk Blue|DSK')],
    body: p('A light, simple daypack for short hikes, farmers markets and kids\u2019 soccer games. The Birch Day 18 has one main compartment, a zip front pocket and two mesh bottle pockets. The recycled polyester fabric has a DWR finish for light drizzle; it is not waterproof.')
      + ul('Capacity: 18 liters', 'Laptop sleeve: none (a tablet up to 11 inches fits in the main compartment)', 'Waterproof: no', 'Weight: 1 lb 4 oz'),
  },
  {
    handle: 'long-trail-60', title: 'Long Trail 60', code: 'LTR60', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'backpacking', 'thru-hiking', 'rain-cover-included'],
    price: 259, grams: 2150, options: [opt('Size', 'S', 'M', 'L')],
    body: p('Named for the 272-mile footpath that starts a few miles from our warehouse, the Long Trail 60 is a comfortable load hauler for trips of three nights or more. A ventilated trampoline back, adjustable torso and moldable hip belt carry up to 50 lb.')
      + ul('Capacity: 60 liters', 'Waterproof: no, but a fitted rain cover is included', 'Laptop sleeve: none', 'Sizes: S (torso 15-17 in), M (17-19 in), L (19-21 in)', 'Weight: 4 lb 12 oz'),
  },
  {
    handle: 'kinsman-50-womens', title: "Kinsman 50 Women's Pack", code: 'KIN50', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'backpacking', 'women', 'sale'],
    price: 229, compare: 269, grams: 1890, options: [opt('Size', 'XS/S|XSS', 'S/M|SM'), opt('Color', 'Plum|PLM', 'Sage|SAG')],
    body: p('A backpacking pack designed around a women\u2019s frame: shorter torso range, narrower shoulder straps set closer together, and a conical hip belt. The Kinsman 50 has a sleeping-bag compartment, a stretch front pocket and a removable lid that turns into a hip pack.')
      + ul('Capacity: 50 liters', 'Waterproof: no (water-resistant fabric)', 'Laptop sleeve: none', 'Sizes: XS/S fits torsos 13-16 in, S/M fits 15-18 in', 'Weight: 4 lb 3 oz'),
  },
  {
    handle: 'pico-30', title: 'Pico 30', code: 'PICO30', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'daypack', 'hiking', 'laptop-sleeve', 'travel'],
    price: 145, grams: 1120, options: [opt('Color', 'Charcoal|CHR', 'Juniper|JUN')],
    body: p('A roomy day-and-travel pack with a panel-loading main compartment that opens like a suitcase. The Pico 30 is made of 600D recycled polyester with a DWR finish; it handles light rain but is not waterproof.')
      + ul('Capacity: 30 liters', 'Laptop sleeve: yes, padded, fits laptops up to 15 inches', 'Waterproof: no', 'Luggage pass-through and padded hip belt', 'Weight: 2 lb 8 oz'),
  },
  {
    handle: 'trail-runner-vest-8', title: 'Trail Runner Vest 8', code: 'TRV8', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'running', 'hydration'],
    price: 89, grams: 290, options: [opt('Size', 'S', 'M', 'L')], zero: ['S'],
    body: p('A close-fitting running vest for fast days on the trail. Two front pockets hold soft flasks (sold separately), and the 8-liter back compartment takes a shell, snacks and a headlamp. Stretch mesh wraps the torso so nothing bounces on descents.')
      + ul('Capacity: 8 liters', 'Fits two 500 ml soft flasks in front', 'Sizes by chest: S 32-36 in, M 36-40 in, L 40-44 in', 'Weight: 10 oz'),
  },
  {
    handle: 'little-hiker-12', title: "Little Hiker 12 Kids' Pack", code: 'LH12', type: 'Backpacks', category: CAT.pack,
    tags: ['backpacks', 'kids', 'daypack'],
    price: 45, grams: 380, options: [opt('Color', 'Lupine|LUP', 'Sunset|SUN')],
    body: p('A real hiking pack scaled for kids aged 5 to 10. The Little Hiker 12 has a sternum strap with a safety whistle, a padded back, reflective details and a name label inside the lid. It carries a water bottle, a jacket and snacks, which is exactly what a young hiker should carry.')
      + ul('Capacity: 12 liters', 'Fits torsos 11-15 in', 'Weight: 13 oz'),
  },
  {
    handle: 'sherpa-hip-pack-3', title: 'Sherpa Hip Pack 3', code: 'HIP3', type: 'Backpacks', category: CAT.hip,
    tags: ['hip-pack', 'hiking', 'running'],
    price: 39, grams: 190, options: [opt('Color', 'Black|BLK', 'Ochre|OCH', 'Forest|FOR')],
    body: p('A three-liter hip pack for short loops, dog walks and days when a backpack feels like too much. The main pocket fits a phone, keys, a snack bar and a light wind shell; two side sleeves hold a 500 ml bottle each. It also works worn cross-body.')
      + ul('Capacity: 3 liters', 'Waist fits 26-48 in', 'Weight: 7 oz'),
  },
  {
    handle: 'pack-rain-cover', title: 'Pack Rain Cover', code: 'RAINCV', type: 'Backpack Accessories', category: CAT.camping,
    tags: ['backpacks', 'accessories', 'rain'],
    price: 29, grams: 110, gramsFor: { 'L (50-70 L)': 160 }, options: [opt('Size', 'S (15-30 L)|S', 'M (30-50 L)|M', 'L (50-70 L)|L')],
    body: p('A silicone-coated nylon cover that turns a water-resistant pack into a weatherproof one. An elastic hem and a buckle strap keep it on in wind, and a bright hood panel makes you visible on foggy ridgelines. Pick the size by your pack\u2019s volume; the S fits the Ridgeline 28 and Pico 30.')
      + ul('Sizes: S for 15-30 liters, M for 30-50 liters, L for 50-70 liters', 'Stows in its own pocket', 'Weight: 4 to 6 oz'),
  },
  {
    handle: 'roll-top-dry-bag-set', title: 'Roll-Top Dry Bag Set', code: 'DRYSET', type: 'Backpack Accessories', category: CAT.camping,
    tags: ['accessories', 'waterproof', 'dry-bag'],
    price: 34, grams: 240, options: [],
    body: p('Three color-coded roll-top dry bags (3, 8 and 13 liters) for organizing a pack and keeping a sleeping bag, electronics and spare clothes dry. The 70D nylon is TPU-coated with welded seams; roll three times and clip to close. They keep out rain and spray but are not made for submersion.')
      + ul('Includes 3 L, 8 L and 13 L bags', 'D-ring on each bag for clipping', 'Weight: 8 oz for the set'),
  },

  // ============================== Tents
  {
    handle: 'notch-1-ultralight-tent', title: 'Notch 1 Ultralight Tent', code: 'NOTCH1', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'ultralight', 'backpacking', '1-person', '3-season'],
    price: 329, grams: 1050, options: [],
    body: p('A one-person, three-season tent that pitches with a single hubbed pole and weighs less than a full water bottle. The Notch 1 has a steep-walled inner for sitting up, a generous vestibule for boots and a pack, and a 20D silicone-coated fly.')
      + ul('Capacity: 1 person', 'Floor: 88 x 32 in, peak height 40 in', 'Packed weight: 2 lb 5 oz', 'Season: 3-season', 'Footprint: not included'),
  },
  {
    handle: 'hollow-2-backpacking-tent', title: 'Hollow 2 Backpacking Tent', code: 'HOL2', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'backpacking', '2-person', '3-season'],
    price: 389, grams: 1760, options: [opt('Color', 'Sage|SAG', 'Sand|SND')], zero: ['SND'],
    body: p('Our most popular tent: a freestanding two-person shelter with two doors, two vestibules and enough room for a pair of wide sleeping pads. The Hollow 2 pitches in under four minutes with color-coded clips, and the full-coverage fly has been tested through August thunderstorms in the Adirondacks.')
      + ul('Capacity: 2 people', 'Floor: 88 x 52 in, peak height 42 in', 'Packed weight: 3 lb 14 oz', 'Season: 3-season', 'Footprint: sold separately (Hollow Tent Footprint)'),
  },
  {
    handle: 'hollow-3-backpacking-tent', title: 'Hollow 3 Backpacking Tent', code: 'HOL3', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'backpacking', '3-person', '3-season'],
    price: 449, grams: 2180, options: [opt('Color', 'Sage|SAG', 'Sand|SND')],
    body: p('The three-person version of the Hollow, for two adults and a child, or two people and a dog. Same freestanding design, two doors and two vestibules, with a longer ridge pole for more headroom at the ends.')
      + ul('Capacity: 3 people', 'Floor: 90 x 70 in, peak height 44 in', 'Packed weight: 4 lb 13 oz', 'Season: 3-season', 'Footprint: sold separately (Hollow Tent Footprint)'),
  },
  {
    handle: 'basecamp-4-family-tent', title: 'Basecamp 4 Family Tent', code: 'BC4', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'car-camping', 'family', '4-person', 'sale'],
    price: 349, compare: 429, grams: 6800, options: [],
    body: p('A cabin-style car-camping tent with near-vertical walls and 6 feet 2 inches of headroom. The Basecamp 4 has a large front door, a zip-down room divider and a vestibule big enough for camp chairs. Steel and aluminum poles stand up to wind at exposed lake sites.')
      + ul('Capacity: 4 people', 'Floor: 100 x 96 in', 'Packed weight: 15 lb', 'Season: 3-season', 'Footprint: included'),
  },
  {
    handle: 'basecamp-6-family-tent', title: 'Basecamp 6 Family Tent', code: 'BC6', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'car-camping', 'family', '6-person'],
    price: 499, grams: 9200, options: [],
    body: p('The big Basecamp: two rooms, two doors and a covered porch for wet boots and muddy dogs. Six adults sleep comfortably, or a family with room to spare for duffels. Large mesh panels and roof vents keep condensation down on humid summer nights.')
      + ul('Capacity: 6 people', 'Floor: 144 x 108 in, peak height 80 in', 'Packed weight: 20 lb 5 oz', 'Season: 3-season', 'Footprint: included'),
  },
  {
    handle: 'solo-bivy-shelter', title: 'Solo Bivy Shelter', code: 'BIVY', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'bivy', 'ultralight', '1-person'],
    price: 179, grams: 560, gramsFor: { Long: 600 }, options: [opt('Length', 'Regular|REG', 'Long|LNG')],
    body: p('A waterproof-breathable bivy sack with a single short hoop that lifts the fabric off your face. Use it alone on clear nights or under a tarp in bad weather. A full bug-net panel zips closed over the opening.')
      + ul('Fits sleeping bags up to 78 in (Regular) or 84 in (Long)', 'Waterproof floor and breathable top', 'Weight: 1 lb 4 oz (Regular)'),
  },
  {
    handle: 'hollow-tent-footprint', title: 'Hollow Tent Footprint', code: 'FTPR', type: 'Tent Accessories', category: CAT.tentAcc,
    tags: ['tents', 'accessories', 'footprint'],
    price: 49, priceFor: { 'Hollow 3': 59 }, grams: 240, gramsFor: { 'Hollow 3': 310 }, options: [opt('Fits', 'Hollow 2|H2', 'Hollow 3|H3')],
    body: p('A custom-cut ground sheet that protects the floor of your Hollow tent from rocks and roots. Grommets match the pole ends, so you can also pitch the fly and footprint alone for a fast, light shelter. Choose the footprint that matches your tent.')
      + ul('Fits: Hollow 2 or Hollow 3', 'Fabric: 68D polyester, PU coated', 'Weight: 8 oz (Hollow 2), 11 oz (Hollow 3)'),
  },
  {
    handle: 'camp-tarp-10x10', title: 'Camp Tarp 10x10', code: 'TARP10', type: 'Tents', category: CAT.tent,
    tags: ['tents', 'tarp', 'final-sale', 'clearance'],
    price: 79, compare: 119, grams: 720, options: [],
    body: p('A 10-by-10-foot silicone-coated tarp with 16 reinforced tie-outs, for a rain fly over the picnic table, a kitchen shelter or an A-frame for two. Guylines and a stuff sack are included. <strong>Clearance: final sale.</strong> This color is being discontinued and cannot be returned or exchanged.')
      + ul('Size: 10 x 10 ft', 'Weight: 1 lb 9 oz', 'Includes six guylines and a stuff sack'),
  },

  // ============================== Sleeping bags and pads
  {
    handle: 'mount-mansfield-15-down-sleeping-bag', title: 'Mount Mansfield 15°F Down Sleeping Bag', code: 'MMF15', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'down', '15F', 'backpacking', '3-season'],
    price: 349, priceFor: { Long: 369 }, grams: 1020, gramsFor: { Long: 1090 },
    options: [opt('Length', 'Regular|REG', 'Long|LNG'), opt('Zipper', 'Left|LZ', 'Right|RZ')], zero: ['LNG-LZ'],
    body: p('A mummy bag filled with 800-fill-power responsibly sourced down, for shoulder-season nights in the Green Mountains. The Mount Mansfield is rated to 15°F (ISO 23537 lower limit), with a comfort rating of 26°F. A draft collar, zipper baffle and contoured hood hold heat in.')
      + ul('Temperature: lower limit 15°F, comfort 26°F', 'Fill: 800-fill-power down with a water-resistant treatment', 'Fits people up to 6 ft (Regular) or 6 ft 6 in (Long)', 'Weight: 2 lb 4 oz (Regular)'),
  },
  {
    handle: 'camels-hump-30-down-sleeping-bag', title: "Camel's Hump 30°F Down Sleeping Bag", code: 'CH30', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'down', '30F', 'backpacking', 'summer'],
    price: 279, priceFor: { Long: 299 }, grams: 780, gramsFor: { Long: 840 }, options: [opt('Length', 'Regular|REG', 'Long|LNG')],
    body: p('A light three-season down bag for summer and early fall trips. The Camel\u2019s Hump uses 650-fill-power down in a semi-rectangular cut with extra room at the knees for side sleepers. It compresses to the size of a large cantaloupe.')
      + ul('Temperature: lower limit 30°F, comfort 40°F', 'Fill: 650-fill-power down', 'Fits people up to 6 ft (Regular) or 6 ft 6 in (Long)', 'Weight: 1 lb 12 oz (Regular)'),
  },
  {
    handle: 'ember-0-down-sleeping-bag', title: 'Ember 0°F Down Sleeping Bag', code: 'EMB0', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'down', '0F', 'winter'], status: 'draft',
    price: 489, priceFor: { Long: 519 }, grams: 1450, gramsFor: { Long: 1540 }, options: [opt('Length', 'Regular|REG', 'Long|LNG')],
    body: p('A winter mummy bag for January nights in the Northeast. The Ember has 850-fill-power down in vertical chest baffles, a full-length draft tube and a cinchable hood with a face muffler. A waterproof-breathable shell fabric at the hood and footbox handles tent condensation.')
      + ul('Temperature: lower limit 0°F, comfort 11°F', 'Fill: 850-fill-power down', 'Fits people up to 6 ft (Regular) or 6 ft 6 in (Long)', 'Weight: 3 lb 3 oz (Regular)'),
  },
  {
    handle: 'lakeside-40-synthetic-sleeping-bag', title: 'Lakeside 40°F Synthetic Sleeping Bag', code: 'LKS40', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'synthetic', '40F', 'car-camping', 'summer'],
    price: 99, priceFor: { Long: 109 }, grams: 1300, gramsFor: { Long: 1400 }, options: [opt('Length', 'Regular|REG', 'Long|LNG')],
    body: p('A warm-weather rectangular bag for car camping, cabins and sleepovers. The Lakeside has a synthetic fill that keeps insulating when damp, and the zipper runs around the foot so the bag opens flat into a quilt. It is machine washable.')
      + ul('Temperature: lower limit 40°F, comfort 50°F', 'Fill: recycled polyester synthetic insulation', 'Fits people up to 6 ft (Regular) or 6 ft 6 in (Long)', 'Weight: 2 lb 14 oz (Regular)'),
  },
  {
    handle: 'greenleaf-20-synthetic-sleeping-bag', title: 'Greenleaf 20°F Synthetic Sleeping Bag', code: 'GRL20', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'synthetic', '20F', 'backpacking', '3-season'],
    price: 149, priceFor: { Long: 164 }, grams: 1500, gramsFor: { Long: 1610 }, options: [opt('Length', 'Regular|REG', 'Long|LNG')],
    body: p('A synthetic mummy bag for wet shoulder seasons, when down struggles. The Greenleaf\u2019s continuous-filament insulation keeps most of its warmth when damp and dries fast in the sun. It is a little heavier than down, and far more forgiving.')
      + ul('Temperature: lower limit 20°F, comfort 31°F', 'Fill: continuous-filament synthetic insulation', 'Fits people up to 6 ft (Regular) or 6 ft 6 in (Long)', 'Weight: 3 lb 5 oz (Regular)'),
  },
  {
    handle: 'cub-35-kids-sleeping-bag', title: "Cub 35°F Kids' Synthetic Sleeping Bag", code: 'CUB35', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'synthetic', '35F', 'kids'],
    price: 59, grams: 900, options: [opt('Color', 'Lupine|LUP', 'Pine|PIN')],
    body: p('A synthetic mummy bag sized for kids up to 5 feet tall, so small campers are not heating a bag built for an adult. The Cub has a glow-in-the-dark zipper pull, an inside pocket for a flashlight and a stuff sack that doubles as a pillow case.')
      + ul('Temperature: lower limit 35°F, comfort 45°F', 'Fits kids up to 5 ft', 'Weight: 2 lb'),
  },
  {
    handle: 'featherlite-30-down-quilt', title: 'Featherlite 30°F Down Quilt', code: 'FTQ30', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'down', 'quilt', '30F', 'ultralight', 'final-sale', 'clearance'],
    price: 189, compare: 259, grams: 590, gramsFor: { Long: 640 }, options: [opt('Length', 'Regular|REG', 'Long|LNG')],
    body: p('A backless down quilt for ultralight hikers who sleep on an insulated pad. Straps clip the Featherlite to your pad, and the footbox closes with a drawcord and snaps. We are clearing the last of this season\u2019s color. <strong>Clearance: final sale, not returnable or exchangeable.</strong>')
      + ul('Temperature: lower limit 30°F, comfort 38°F', 'Fill: 800-fill-power down', 'Fits people up to 6 ft (Regular) or 6 ft 6 in (Long)', 'Weight: 1 lb 5 oz (Regular)'),
  },
  {
    handle: 'silk-sleeping-bag-liner', title: 'Silk Sleeping Bag Liner', code: 'SILK', type: 'Sleeping Bags', category: CAT.bag,
    tags: ['sleeping-bags', 'liner', 'travel'],
    price: 59, grams: 140, options: [opt('Color', 'Natural|NAT', 'Slate|SLT')],
    body: p('A mummy-shaped liner of woven silk that keeps the inside of a sleeping bag clean and adds a few degrees of warmth. On its own it is a hostel sheet or a summer hut bag. It packs to the size of an orange.')
      + ul('Adds about 5°F of warmth', 'Fits people up to 6 ft 6 in', 'Weight: 5 oz'),
  },
  {
    handle: 'loft-air-sleeping-pad', title: 'Loft Air Sleeping Pad', code: 'LOFT', type: 'Sleeping Pads', category: CAT.pad,
    tags: ['sleeping-pads', 'backpacking', 'insulated'],
    price: 149, priceFor: { Long: 169, 'Long Wide': 189 }, grams: 480, gramsFor: { Long: 560, 'Long Wide': 690 },
    options: [opt('Size', 'Regular|REG', 'Long|LNG', 'Long Wide|LWD')],
    body: p('An insulated air pad, 3 inches thick, with an R-value of 4.2 for three-season use and mild winter nights. Baffled chambers keep you centered, and the included pump sack inflates it in about 12 breaths.')
      + ul('R-value: 4.2', 'Sizes: Regular 72 x 20 in, Long 78 x 20 in, Long Wide 78 x 25 in', 'Weight: 1 lb 1 oz (Regular)', 'Includes pump sack and repair kit'),
  },
  {
    handle: 'closed-cell-foam-pad', title: 'Closed-Cell Foam Pad', code: 'FOAM', type: 'Sleeping Pads', category: CAT.pad,
    tags: ['sleeping-pads', 'backpacking', 'budget'],
    price: 45, grams: 410, options: [],
    body: p('A folding foam pad that cannot puncture. Use it alone in summer, under an air pad for winter warmth, or as a sit pad at lunch. The egg-crate surface traps warm air and the reflective side faces up for extra warmth.')
      + ul('R-value: 2.0', 'Size: 72 x 20 in, folds to 20 x 5 x 5.5 in', 'Weight: 14.5 oz'),
  },

  // ============================== Rain jackets and pants
  {
    handle: 'squall-rain-jacket-mens', title: "Squall 2.5L Rain Jacket - Men's", code: 'SQLM', type: 'Rain Jackets', category: CAT.jacket,
    tags: ['rain-jackets', 'waterproof', 'men', 'hiking'],
    price: 149, grams: 340, options: [opt('Size', ...MEN), opt('Color', 'Lake Blue|BLU', 'Black|BLK')], zero: ['S-BLK', 'XXL-BLU'],
    body: p('A light, packable 2.5-layer rain shell for three-season hiking. The Squall has fully taped seams, pit zips and an adjustable hood with a laminated brim that keeps rain off your glasses. It stuffs into its own chest pocket.')
      + ul('Waterproof rating: 20,000 mm; breathability: 15,000 g/m\u00b2/24h', 'Fit: Relaxed, cut to layer over a fleece', 'Weight: 12 oz (size M)'),
  },
  {
    handle: 'squall-rain-jacket-womens', title: "Squall 2.5L Rain Jacket - Women's", code: 'SQLW', type: 'Rain Jackets', category: CAT.jacket,
    tags: ['rain-jackets', 'waterproof', 'women', 'hiking'],
    price: 149, grams: 300, options: [opt('Size', ...WOMEN), opt('Color', 'Teal|TEA', 'Black|BLK')],
    body: p('The women\u2019s Squall has the same taped 2.5-layer fabric, pit zips and laminated-brim hood as the men\u2019s, in a women\u2019s cut with a longer drop hem at the back. It packs into its chest pocket for the days the forecast cannot decide.')
      + ul('Waterproof rating: 20,000 mm; breathability: 15,000 g/m\u00b2/24h', 'Fit: Relaxed, cut to layer over a fleece', 'Weight: 10.5 oz (size M)'),
  },
  {
    handle: 'tempest-3l-shell-mens', title: "Tempest 3L Shell - Men's", code: 'TMPM', type: 'Rain Jackets', category: CAT.jacket,
    tags: ['rain-jackets', 'waterproof', 'men', 'alpine', '3-layer'],
    price: 289, grams: 450, options: [opt('Size', 'S', 'M', 'L', 'XL'), opt('Color', 'Fire Red|RED', 'Graphite|GRA')],
    body: p('Our most protective shell, for above-treeline days and winter hiking. The Tempest uses a three-layer waterproof-breathable membrane with a durable 40D face fabric, a helmet-compatible hood and two-way pit zips. Hand pockets sit above a hip belt.')
      + ul('Waterproof rating: 28,000 mm; breathability: 25,000 g/m\u00b2/24h', 'Fit: Relaxed, room for a light insulated jacket', 'Weight: 15.9 oz (size M)'),
  },
  {
    handle: 'tempest-3l-shell-womens', title: "Tempest 3L Shell - Women's", code: 'TMPW', type: 'Rain Jackets', category: CAT.jacket,
    tags: ['rain-jackets', 'waterproof', 'women', 'alpine', '3-layer'],
    price: 289, grams: 400, options: [opt('Size', 'XS', 'S', 'M', 'L'), opt('Color', 'Glacier|GLC', 'Graphite|GRA')], zero: ['XS-GLC'],
    body: p('The women\u2019s Tempest is a three-layer storm shell built for exposed ridges and winter hikes, with a helmet-compatible hood, two-way pit zips and harness-friendly hand pockets. The women\u2019s cut has a shaped waist and a slightly longer back hem.')
      + ul('Waterproof rating: 28,000 mm; breathability: 25,000 g/m\u00b2/24h', 'Fit: Relaxed, room for a light insulated jacket', 'Weight: 14.1 oz (size M)'),
  },
  {
    handle: 'drizzle-packable-rain-jacket', title: 'Drizzle Packable Rain Jacket', code: 'DRZ', type: 'Rain Jackets', category: CAT.jacket,
    tags: ['rain-jackets', 'waterproof', 'unisex', 'packable', 'sale'],
    price: 89, compare: 109, grams: 250, options: [opt('Size', ...UNISEX), opt('Color', 'Trail Yellow|YEL')],
    body: p('An emergency rain jacket that weighs less than a sandwich. The Drizzle is a 2-layer waterproof shell with taped seams and an elastic hood, made to live in the bottom of a daypack for the afternoon thunderstorm you did not expect. Unisex sizing.')
      + ul('Waterproof rating: 10,000 mm', 'Fit: Relaxed, unisex sizing', 'Weight: 8.8 oz (size M)'),
  },
  {
    handle: 'squall-rain-pants-mens', title: "Squall Rain Pants - Men's", code: 'SQPM', type: 'Rain Pants', category: CAT.rainPants,
    tags: ['rain-pants', 'waterproof', 'men', 'hiking'],
    price: 99, grams: 280, options: [opt('Size', 'S', 'M', 'L', 'XL')],
    body: p('Waterproof pants to match the Squall jacket. Three-quarter-length side zips go on over boots, and an elastic waist with a drawcord sits comfortably under a hip belt. The seams are fully taped.')
      + ul('Waterproof rating: 20,000 mm', 'Inseam: 32 in', 'Fit: Relaxed', 'Weight: 9.9 oz (size M)'),
  },
  {
    handle: 'squall-rain-pants-womens', title: "Squall Rain Pants - Women's", code: 'SQPW', type: 'Rain Pants', category: CAT.rainPants,
    tags: ['rain-pants', 'waterproof', 'women', 'hiking'],
    price: 99, grams: 250, options: [opt('Size', 'XS', 'S', 'M', 'L')],
    body: p('The women\u2019s Squall rain pants have a contoured waist, taped seams and side zips that open from the ankle to the knee so they go on over boots. They pack into their own back pocket.')
      + ul('Waterproof rating: 20,000 mm', 'Inseam: 30 in', 'Fit: Relaxed', 'Weight: 8.8 oz (size M)'),
  },
  {
    handle: 'puddle-kids-rain-jacket', title: "Puddle Kids' Rain Jacket", code: 'PUDK', type: 'Rain Jackets', category: CAT.jacket,
    tags: ['rain-jackets', 'waterproof', 'kids'],
    price: 65, grams: 260, options: [opt('Size', 'Kids S (6-7)|KS', 'Kids M (8-10)|KM', 'Kids L (12-14)|KL'), opt('Color', 'Lupine|LUP', 'Sunset|SUN')],
    body: p('A waterproof jacket for kids who jump in every puddle on the trail. Taped seams, a fixed hood with a snap-off brim and reflective piping. The Puddle has a grow-with-me sleeve: unpick one seam and the sleeves gain an inch and a half.')
      + ul('Waterproof rating: 10,000 mm', 'Sizes: Kids S (6-7), M (8-10), L (12-14)', 'Weight: 9 oz (Kids M)'),
  },

  // ============================== Fleece and insulation
  {
    handle: 'champlain-200-fleece-jacket-mens', title: "Champlain 200 Fleece Jacket - Men's", code: 'CHFM', type: 'Fleece', category: CAT.jacket,
    tags: ['fleece', 'midlayer', 'men'],
    price: 99, grams: 480, options: [opt('Size', ...MEN), opt('Color', 'Forest|FOR', 'Charcoal|CHR', 'Navy|NVY')], zero: ['XXL-NVY'],
    body: p('A classic full-zip jacket in 200-weight recycled polyester fleece, warm enough for a fall day at camp and tough enough for years of use. Zippered hand pockets, a chin guard and stretch binding at the cuffs and hem.')
      + ul('Fabric: 200-weight fleece, 100% recycled polyester', 'Fit: Regular, room for a base layer underneath', 'Weight: 1 lb 1 oz (size M)'),
  },
  {
    handle: 'champlain-200-fleece-jacket-womens', title: "Champlain 200 Fleece Jacket - Women's", code: 'CHFW', type: 'Fleece', category: CAT.jacket,
    tags: ['fleece', 'midlayer', 'women'],
    price: 99, grams: 420, options: [opt('Size', ...WOMEN), opt('Color', 'Berry|BER', 'Charcoal|CHR', 'Sky|SKY')],
    body: p('The women\u2019s full-zip Champlain in 200-weight recycled fleece, with a princess-seamed body, zippered hand pockets and a slightly longer hem. Warm around the campfire, breathable on a brisk climb.')
      + ul('Fabric: 200-weight fleece, 100% recycled polyester', 'Fit: Regular, room for a base layer underneath', 'Weight: 15 oz (size M)'),
  },
  {
    handle: 'gridline-quarter-zip-fleece', title: 'Gridline Quarter-Zip Fleece', code: 'GRID', type: 'Fleece', category: CAT.jacket,
    tags: ['fleece', 'midlayer', 'unisex', 'grid-fleece'],
    price: 79, grams: 300, options: [opt('Size', ...UNISEX), opt('Color', 'Moss|MOS', 'Black|BLK')],
    body: p('A grid fleece pullover that breathes on the uphill and warms on the summit. The channels on the inside trap heat and move sweat, so it works as an active midlayer all year. Thumb loops and a zippered chest pocket.')
      + ul('Fabric: grid fleece, 92% polyester, 8% elastane', 'Fit: Regular, unisex sizing', 'Weight: 10.6 oz (size M)'),
  },
  {
    handle: 'sherpa-high-pile-pullover', title: 'Sherpa High-Pile Pullover', code: 'SHRP', type: 'Fleece', category: CAT.jacket,
    tags: ['fleece', 'high-pile', 'unisex', 'final-sale', 'clearance'],
    price: 79, compare: 119, grams: 560, options: [opt('Size', 'S', 'M', 'L', 'XL'), opt('Color', 'Oat|OAT', 'Moss|MOS')],
    body: p('A cozy high-pile fleece pullover with a snap placket, nylon chest pocket and woven trim. It is the layer you put on when you get back to camp and the fire is going. <strong>Clearance: final sale.</strong> We are not restocking these colors, and they cannot be returned or exchanged.')
      + ul('Fabric: high-pile fleece, 100% recycled polyester', 'Fit: Regular, unisex sizing', 'Weight: 1 lb 4 oz (size M)'),
  },
  {
    handle: 'microfleece-beanie', title: 'Microfleece Beanie', code: 'BEAN', type: 'Accessories', category: CAT.hat,
    tags: ['hats', 'fleece', 'accessories'],
    price: 24, grams: 45, options: [opt('Color', 'Black|BLK', 'Forest|FOR', 'Ember Orange|ORG', 'Heather Gray|HGR')],
    body: p('A light, double-layer microfleece beanie that fits under a hood or a helmet. It dries quickly, does not itch, and stuffs into a jacket pocket. One size fits most adults.')
      + ul('Fabric: double-layer microfleece, recycled polyester', 'One size, fits head circumferences 21-24 in', 'Weight: 1.6 oz'),
  },
  {
    handle: 'frost-hollow-down-jacket-mens', title: "Frost Hollow Down Jacket - Men's", code: 'FHDM', type: 'Insulated Jackets', category: CAT.jacket,
    tags: ['insulated-jackets', 'down', 'men', 'winter'],
    price: 229, grams: 380, options: [opt('Size', ...MEN), opt('Color', 'Black|BLK', 'Spruce|SPR')],
    body: p('A 750-fill-power down jacket with a hood, warm enough for a winter summit break and light enough to carry all summer. The shell is a 20D ripstop with a water-resistant finish, and the down is treated to resist moisture.')
      + ul('Insulation: 750-fill-power down, 4.2 oz fill weight', 'Fit: Relaxed, layers over a fleece', 'Packs into its left hand pocket', 'Weight: 13.4 oz (size M)'),
  },
  {
    handle: 'frost-hollow-down-jacket-womens', title: "Frost Hollow Down Jacket - Women's", code: 'FHDW', type: 'Insulated Jackets', category: CAT.jacket,
    tags: ['insulated-jackets', 'down', 'women', 'winter', 'sale'],
    price: 199, compare: 229, grams: 340, options: [opt('Size', ...WOMEN), opt('Color', 'Black|BLK', 'Cranberry|CRN')],
    body: p('The women\u2019s Frost Hollow is a hooded 750-fill-power down jacket in a women\u2019s cut, with baffles shaped to avoid cold spots at the sides. It compresses into its own pocket and clips to a harness loop.')
      + ul('Insulation: 750-fill-power down, 3.7 oz fill weight', 'Fit: Relaxed, layers over a fleece', 'Packs into its left hand pocket', 'Weight: 11.8 oz (size M)'),
  },
  {
    handle: 'thermal-synthetic-vest', title: 'Thermal Synthetic Vest', code: 'TSV', type: 'Insulated Jackets', category: CAT.vest,
    tags: ['insulated-jackets', 'synthetic', 'vest', 'unisex'], status: 'archived',
    price: 109, grams: 260, options: [opt('Size', 'XS', 'S', 'M', 'L', 'XL')],
    body: p('A synthetic-insulated vest that keeps your core warm without the bulk of sleeves, for cold mornings on the trail. The insulation stays warm when damp, and the stretch side panels let you move. Discontinued: replaced by next season\u2019s model.')
      + ul('Insulation: 80 g/m\u00b2 synthetic', 'Fit: Regular, unisex sizing', 'Weight: 9.2 oz (size M)'),
  },

  // ============================== Base layers
  {
    handle: 'merino-150-crew-mens', title: "Merino 150 Crew - Men's", code: 'M150M', type: 'Base Layers', category: CAT.base,
    tags: ['base-layers', 'merino', 'men'],
    price: 79, grams: 170, options: [opt('Size', ...MEN), opt('Color', 'Black|BLK', 'Heather Gray|HGR')],
    body: p('A lightweight merino wool crew for hot hikes and cool nights. 150 g/m\u00b2 jersey wicks sweat, resists odor for days, and feels soft against the skin. Flatlock seams and offset shoulder seams sit comfortably under pack straps.')
      + ul('Fabric: 100% merino wool, 150 g/m\u00b2', 'Fit: Next-to-skin', 'Care: machine wash cold, dry flat or on low', 'Weight: 6 oz (size M)'),
  },
  {
    handle: 'merino-150-crew-womens', title: "Merino 150 Crew - Women's", code: 'M150W', type: 'Base Layers', category: CAT.base,
    tags: ['base-layers', 'merino', 'women'],
    price: 79, grams: 150, options: [opt('Size', ...WOMEN), opt('Color', 'Black|BLK', 'Dusk|DSK')],
    body: p('The women\u2019s lightweight merino crew: 150 g/m\u00b2 wool jersey that regulates temperature through a long day, with a slightly scooped neck, shaped side seams and flatlock stitching that will not chafe under a pack.')
      + ul('Fabric: 100% merino wool, 150 g/m\u00b2', 'Fit: Next-to-skin', 'Care: machine wash cold, dry flat or on low', 'Weight: 5.3 oz (size M)'),
  },
  {
    handle: 'merino-250-quarter-zip-mens', title: "Merino 250 Quarter-Zip - Men's", code: 'M250Z', type: 'Base Layers', category: CAT.base,
    tags: ['base-layers', 'merino', 'men', 'winter'],
    price: 109, grams: 260, options: [opt('Size', 'S', 'M', 'L', 'XL')],
    body: p('A midweight merino top for winter hiking, skiing and ice fishing. The 250 g/m\u00b2 fabric is warm enough to wear alone on cold, dry days, and the quarter zip dumps heat on the climb. Black only.')
      + ul('Fabric: 100% merino wool, 250 g/m\u00b2', 'Fit: Next-to-skin', 'Care: machine wash cold, dry flat or on low', 'Weight: 9.2 oz (size M)'),
  },
  {
    handle: 'merino-250-bottoms-mens', title: "Merino 250 Bottoms - Men's", code: 'M250BM', type: 'Base Layers', category: CAT.base,
    tags: ['base-layers', 'merino', 'men', 'winter'],
    price: 89, grams: 220, options: [opt('Size', 'S', 'M', 'L', 'XL')], zero: ['S'],
    body: p('Midweight merino long underwear for cold-weather trips. A wide, brushed waistband sits flat under a hip belt, the gusseted crotch moves freely, and the ankle cuffs are long enough to tuck into socks.')
      + ul('Fabric: 100% merino wool, 250 g/m\u00b2', 'Fit: Next-to-skin', 'Inseam: 30 in (size M)', 'Weight: 7.8 oz (size M)'),
  },
  {
    handle: 'merino-250-bottoms-womens', title: "Merino 250 Bottoms - Women's", code: 'M250BW', type: 'Base Layers', category: CAT.base,
    tags: ['base-layers', 'merino', 'women', 'winter'],
    price: 89, grams: 200, options: [opt('Size', 'XS', 'S', 'M', 'L')],
    body: p('The women\u2019s midweight merino bottoms have a high, wide waistband, a gusseted crotch and a tapered leg that layers smoothly under hiking pants or ski pants. Warm, odor-resistant and soft against the skin.')
      + ul('Fabric: 100% merino wool, 250 g/m\u00b2', 'Fit: Next-to-skin', 'Inseam: 29 in (size M)', 'Weight: 7 oz (size M)'),
  },
  {
    handle: 'synthetic-grid-base-layer-crew', title: 'Synthetic Grid Base Layer Crew', code: 'SYNB', type: 'Base Layers', category: CAT.base,
    tags: ['base-layers', 'synthetic', 'unisex', 'budget'],
    price: 45, grams: 160, options: [opt('Size', ...UNISEX)],
    body: p('A fast-drying polyester base layer for sweaty activities like trail running, snowshoeing and fall mountain biking. The grid knit moves moisture quickly, and a permanent odor treatment keeps it fresher than plain polyester.')
      + ul('Fabric: 94% recycled polyester, 6% elastane', 'Fit: Next-to-skin, unisex sizing', 'Weight: 5.6 oz (size M)'),
  },
  {
    handle: 'merino-neck-gaiter', title: 'Merino Neck Gaiter', code: 'GAIT', type: 'Accessories', category: CAT.accessory,
    tags: ['accessories', 'merino', 'winter'],
    price: 29, grams: 40, options: [opt('Color', 'Black|BLK', 'Forest|FOR', 'Plum|PLM')],
    body: p('A tube of lightweight merino that works as a neck warmer, a headband, a balaclava or a sun cover. It breathes when pulled over your face on a cold summit and does not hold odor after a week of use.')
      + ul('Fabric: 100% merino wool, 150 g/m\u00b2', 'One size', 'Weight: 1.4 oz'),
  },

  // ============================== Footwear (US men's sizes 7-13; women order 1.5 sizes down)
  {
    handle: 'gunstock-mid-waterproof-hiking-boot', title: 'Gunstock Mid Waterproof Hiking Boot', code: 'GUNMID', type: 'Hiking Boots', category: CAT.boots,
    tags: ['hiking-boots', 'waterproof', 'unisex', 'footwear'],
    price: 179, grams: 1100, options: [opt('Size', ...SHOE_HALF), opt('Color', 'Brown|BRN', 'Black|BLK')], zero: ['070-BLK', '130-BRN', '125-BLK'],
    body: p('A mid-height waterproof hiking boot that needs almost no break-in. Nubuck leather and mesh uppers over a waterproof-breathable membrane keep feet dry on muddy spring trails, and the lugged rubber outsole grips wet granite.')
      + ul('Sizes: US men\u2019s 7-13 including half sizes; women order 1.5 sizes down', 'Width: regular (D)', 'Waterproof: yes, membrane bootie', 'Weight: 2 lb 7 oz per pair (size 9)'),
  },
  {
    handle: 'presidential-waterproof-backpacking-boot', title: 'Presidential Waterproof Backpacking Boot', code: 'PRES', type: 'Hiking Boots', category: CAT.boots,
    tags: ['hiking-boots', 'waterproof', 'backpacking', 'unisex', 'footwear'],
    price: 249, grams: 1450, options: [opt('Size', ...SHOE_WHOLE), opt('Width', 'Regular|REG', 'Wide|WID')], zero: ['130-WID', '070-WID'],
    body: p('A supportive full-grain leather boot for heavy loads and rough, rocky terrain. The Presidential has a stiff nylon shank, a rubber toe cap and a waterproof membrane, plus a resoleable Vibram-style outsole built for years of use.')
      + ul('Sizes: US men\u2019s 7-13 (whole sizes); women order 1.5 sizes down', 'Widths: Regular (D) and Wide (2E)', 'Waterproof: yes, membrane bootie', 'Weight: 3 lb 3 oz per pair (size 9)'),
  },
  {
    handle: 'camel-ridge-leather-hiking-boot', title: 'Camel Ridge Leather Hiking Boot', code: 'CMRB', type: 'Hiking Boots', category: CAT.boots,
    tags: ['hiking-boots', 'leather', 'unisex', 'footwear'],
    price: 219, grams: 1380, options: [opt('Size', ...SHOE_WHOLE)],
    body: p('A traditional one-piece leather hiking boot, Goodyear-welted and made to be resoled. It takes a few hikes to break in and then molds to your foot. Treat it with wax twice a season and it will shed rain for years; it has no membrane, so it breathes well in summer.')
      + ul('Sizes: US men\u2019s 7-13 (whole sizes); women order 1.5 sizes down', 'Width: regular (D)', 'Waterproof: water-resistant waxed leather, no membrane', 'Weight: 3 lb 1 oz per pair (size 9)'),
  },
  {
    handle: 'northeast-insulated-winter-hiker', title: 'Northeast Insulated Winter Hiker', code: 'NEWH', type: 'Hiking Boots', category: CAT.boots,
    tags: ['hiking-boots', 'winter', 'insulated', 'waterproof', 'unisex', 'footwear'],
    price: 199, grams: 1500, options: [opt('Size', ...SHOE_WHOLE)], zero: ['120'],
    body: p('A waterproof, insulated boot for snowshoeing and winter day hikes. 200 g synthetic insulation keeps toes warm down to about 0°F while moving, and a cold-weather rubber outsole stays grippy on packed snow. A gaiter ring and heel welt accept microspikes and most snowshoe bindings.')
      + ul('Sizes: US men\u2019s 7-13 (whole sizes); women order 1.5 sizes down', 'Insulation: 200 g synthetic', 'Waterproof: yes, membrane bootie', 'Weight: 3 lb 5 oz per pair (size 9)'),
  },
  {
    handle: 'trailhead-trail-running-shoe', title: 'Trailhead Trail Running Shoe', code: 'TRLH', type: 'Trail Shoes', category: CAT.shoes,
    tags: ['trail-shoes', 'running', 'unisex', 'footwear'],
    price: 139, grams: 620, options: [opt('Size', ...SHOE_HALF), opt('Color', 'Slate/Lime|SLM', 'Black|BLK')], zero: ['075-SLM', '130-BLK'],
    body: p('A cushioned trail runner with a 6 mm drop, 4 mm lugs and a rock plate under the forefoot. The breathable mesh upper drains quickly after stream crossings, and a gusseted tongue keeps grit out. It runs true to size.')
      + ul('Sizes: US men\u2019s 7-13 including half sizes; women order 1.5 sizes down', 'Drop: 6 mm; lugs: 4 mm', 'Waterproof: no, fast-draining mesh', 'Weight: 1 lb 6 oz per pair (size 9)'),
  },
  {
    handle: 'slickrock-trail-shoe', title: 'Slickrock Trail Shoe', code: 'SLKR', type: 'Trail Shoes', category: CAT.shoes,
    tags: ['trail-shoes', 'hiking', 'unisex', 'footwear'],
    price: 119, grams: 760, options: [opt('Size', ...SHOE_WHOLE), opt('Color', 'Stone|STN', 'Olive|OLV')],
    body: p('A low-cut hiking shoe for day hikes and travel. The Slickrock has a firm heel counter, a sticky rubber outsole and a synthetic suede upper that dries overnight. It is stable enough for a loaded daypack and comfortable enough for walking around town.')
      + ul('Sizes: US men\u2019s 7-13 (whole sizes); women order 1.5 sizes down', 'Width: regular (D)', 'Waterproof: no', 'Weight: 1 lb 11 oz per pair (size 9)'),
  },
  {
    handle: 'approach-low-shoe', title: 'Approach Low Shoe', code: 'APRL', type: 'Trail Shoes', category: CAT.shoes,
    tags: ['trail-shoes', 'approach', 'unisex', 'footwear', 'final-sale', 'clearance'],
    price: 89, compare: 149, grams: 800, options: [opt('Size', ...SHOE_WHOLE)], zero: ['090', '100'],
    body: p('A sticky-rubber approach shoe for scrambles, slab and the walk in to the crag. Lace-to-toe closure, a climbing zone at the toe and a leather upper. This is last season\u2019s model. <strong>Clearance: final sale, not returnable or exchangeable</strong>, so check the footwear sizing guide first.')
      + ul('Sizes: US men\u2019s 7-13 (whole sizes); women order 1.5 sizes down', 'Width: regular (D)', 'Weight: 1 lb 12 oz per pair (size 9)'),
  },
  {
    handle: 'river-sandal', title: 'River Sandal', code: 'RVSD', type: 'Sandals', category: CAT.sandals,
    tags: ['sandals', 'water', 'unisex', 'footwear'],
    price: 69, grams: 560, options: [opt('Size', ...SHOE_WHOLE)],
    body: p('A strappy sandal for river crossings, canoe trips and camp. The webbing straps adjust at three points, the footbed is grippy when wet and the outsole has enough lug for a short hike to the swimming hole.')
      + ul('Sizes: US men\u2019s 7-13 (whole sizes); women order 1.5 sizes down', 'Quick-drying polyester webbing', 'Weight: 1 lb 4 oz per pair (size 9)'),
  },
  {
    handle: 'trail-gaiters', title: 'Trail Gaiters', code: 'TGTR', type: 'Gaiters', category: CAT.shoeAcc,
    tags: ['footwear', 'accessories', 'gaiters', 'waterproof'],
    price: 39, grams: 180, options: [opt('Size', 'S/M|SM', 'L/XL|LXL')],
    body: p('Knee-high waterproof gaiters that keep snow, mud and ticks out of your boots. A full-length hook-and-loop front opening lets you put them on without taking boots off, and a replaceable instep strap wraps under the arch.')
      + ul('Sizes: S/M fits boot sizes 5-9, L/XL fits 9.5-13', 'Waterproof-breathable upper, abrasion-resistant lower', 'Weight: 6.3 oz per pair'),
  },

  // ============================== Socks
  {
    handle: 'merino-hiker-crew-sock', title: 'Merino Hiker Crew Sock', code: 'SKHC', type: 'Socks', category: CAT.socks, vendor: SOCKWORKS,
    tags: ['socks', 'merino', 'hiking', 'unisex'],
    price: 24, grams: 80, options: [opt('Size', 'S', 'M', 'L', 'XL'), opt('Color', 'Gray|GRY', 'Forest|FOR')], zero: ['XL-FOR'],
    body: p('Our best-selling hiking sock, knit in Vermont. Medium cushioning under the foot and heel, a mesh instep for ventilation and an arch band that keeps it from twisting. Sizes: S (US men\u2019s 4-6.5 / women\u2019s 5-7.5), M (men\u2019s 7-9.5 / women\u2019s 8-10.5), L (men\u2019s 10-12.5), XL (men\u2019s 13-15).')
      + ul('Fiber: 64% merino wool, 33% nylon, 3% spandex', 'Cushion: medium', 'Height: crew'),
  },
  {
    handle: 'lightweight-trail-quarter-sock', title: 'Lightweight Trail Quarter Sock', code: 'SKLQ', type: 'Socks', category: CAT.socks, vendor: SOCKWORKS,
    tags: ['socks', 'merino', 'running', 'unisex'],
    price: 18, grams: 50, options: [opt('Size', 'S', 'M', 'L', 'XL')],
    body: p('A thin, quarter-height merino sock for trail running and hot-weather hiking in low shoes. Light cushioning at the heel and toe, a seamless toe and a cuff that stays above the shoe collar.')
      + ul('Fiber: 54% merino wool, 43% nylon, 3% spandex', 'Cushion: light', 'Sizes: S (men\u2019s 4-6.5 / women\u2019s 5-7.5), M (men\u2019s 7-9.5 / women\u2019s 8-10.5), L (men\u2019s 10-12.5), XL (men\u2019s 13-15)'),
  },
  {
    handle: 'expedition-heavyweight-sock', title: 'Expedition Heavyweight Sock', code: 'SKEX', type: 'Socks', category: CAT.socks, vendor: SOCKWORKS,
    tags: ['socks', 'merino', 'winter', 'unisex'],
    price: 29, grams: 120, options: [opt('Size', 'M', 'L', 'XL')],
    body: p('A full-cushion, over-the-calf merino sock for winter boots and mountaineering. Dense terry loops insulate the whole foot, and the calf is knit with extra stretch so it does not bunch inside tall boots.')
      + ul('Fiber: 73% merino wool, 25% nylon, 2% spandex', 'Cushion: heavy', 'Sizes: M (men\u2019s 7-9.5 / women\u2019s 8-10.5), L (men\u2019s 10-12.5), XL (men\u2019s 13-15)'),
  },
  {
    handle: 'hiker-sock-3-pack', title: 'Hiker Sock 3-Pack', code: 'SK3P', type: 'Socks', category: CAT.socks, vendor: SOCKWORKS,
    tags: ['socks', 'merino', 'hiking', 'value-pack'],
    price: 64, grams: 240, options: [opt('Size', 'M', 'L')],
    body: p('Three pairs of our Merino Hiker Crew Sock, one in each of gray, forest and rust, at a better price than buying them one by one. A good way to rotate socks on a multi-day trip or to stock a gift bag.')
      + ul('Three pairs, medium cushion, crew height', 'Sizes: M (men\u2019s 7-9.5 / women\u2019s 8-10.5), L (men\u2019s 10-12.5)'),
  },
  {
    handle: 'liner-sock-2-pack', title: 'Liner Sock 2-Pack', code: 'SKLN', type: 'Socks', category: CAT.socks, vendor: SOCKWORKS,
    tags: ['socks', 'liner', 'value-pack'],
    price: 16, grams: 60, options: [opt('Size', 'S', 'M', 'L')],
    body: p('Two pairs of thin synthetic liner socks worn under hiking socks to reduce friction and blisters on long days. They dry in an hour on a pack strap and add almost no bulk inside a boot.')
      + ul('Fiber: 88% polyester, 12% spandex', 'Cushion: none', 'Sizes: S (men\u2019s 4-6.5 / women\u2019s 5-7.5), M (men\u2019s 7-9.5 / women\u2019s 8-10.5), L (men\u2019s 10-12.5)'),
  },

  // ============================== Trekking poles
  {
    handle: 'carbon-fold-trekking-poles', title: 'Carbon Fold Trekking Poles (Pair)', code: 'CFTP', type: 'Trekking Poles', category: CAT.poles,
    tags: ['trekking-poles', 'carbon', 'ultralight'],
    price: 149, grams: 380, options: [opt('Length', '110-125 cm|110', '120-135 cm|120')],
    body: p('Three-section folding carbon poles that collapse to 15 inches and stow on a pack or in a running vest. A flick lock at the top section adjusts the length over a 15 cm range. Cork grips with a foam extension for short holds on steep climbs.')
      + ul('Lengths: 110-125 cm (for hikers up to 5 ft 9 in) or 120-135 cm (5 ft 9 in and taller)', 'Folded length: 15 in', 'Weight: 13.4 oz per pair'),
  },
  {
    handle: 'aluminum-trekking-poles', title: 'Aluminum Trekking Poles (Pair)', code: 'ALTP', type: 'Trekking Poles', category: CAT.poles,
    tags: ['trekking-poles', 'aluminum', 'budget'],
    price: 69, grams: 540, options: [opt('Color', 'Black|BLK', 'Blue|BLU')],
    body: p('Durable telescoping aluminum poles with two external lever locks you can adjust with gloves on. They extend from 62 to 135 cm, so one pair fits most of the family, and include summer and snow baskets.')
      + ul('Length: adjustable 62-135 cm', 'Grips: foam with adjustable straps', 'Weight: 1 lb 3 oz per pair'),
  },
  {
    handle: 'trekking-pole-tip-kit', title: 'Trekking Pole Tip & Basket Kit', code: 'TIPK', type: 'Trekking Poles', category: CAT.poles,
    tags: ['trekking-poles', 'accessories'],
    price: 14, grams: 60, options: [],
    body: p('Replacement parts for most 12 mm and 14 mm trekking poles, including ours: two carbide tips, two rubber walking tips for pavement and rock slabs, two summer baskets and two snow baskets. Tips twist on; no tools needed.')
      + ul('Fits 12 mm and 14 mm lower sections', 'Eight pieces', 'Weight: 2 oz'),
  },

  // ============================== Headlamps and lights
  {
    handle: 'beacon-400-headlamp', title: 'Beacon 400 Headlamp', code: 'BCN400', type: 'Headlamps', category: CAT.headlamp,
    tags: ['headlamps', 'lighting'],
    price: 45, grams: 85, options: [opt('Color', 'Black|BLK', 'Orange|ORG', 'Teal|TEA')],
    body: p('A 400-lumen headlamp that runs on three AAA batteries (included) or an optional rechargeable pack. Spot and flood modes, a red light that saves your night vision, and a lock mode so it does not turn on in your pack.')
      + ul('Max output: 400 lumens; beam distance 90 m', 'Run time: 4 h on high, 80 h on low', 'Water resistance: IPX4 (splash resistant)', 'Weight: 3 oz with batteries'),
  },
  {
    handle: 'beacon-800-rechargeable-headlamp', title: 'Beacon 800 Rechargeable Headlamp', code: 'BCN800', type: 'Headlamps', category: CAT.headlamp,
    tags: ['headlamps', 'lighting', 'rechargeable', 'sale'],
    price: 69, compare: 79, grams: 110, options: [],
    body: p('Our brightest headlamp, for night hikes, winter mornings and trail runs that start in the dark. The built-in 2,000 mAh battery charges by USB-C, and a five-level fuel gauge shows what is left. A reactive mode dims the beam when you look at a map.')
      + ul('Max output: 800 lumens; beam distance 150 m', 'Run time: 3 h on high, 100 h on low', 'Water resistance: IPX7 (submersible to 1 m)', 'Weight: 3.9 oz'),
  },
  {
    handle: 'firefly-kids-headlamp', title: "Firefly Kids' Headlamp", code: 'FFLY', type: 'Headlamps', category: CAT.headlamp,
    tags: ['headlamps', 'kids', 'lighting'],
    price: 22, grams: 60, options: [opt('Color', 'Green|GRN', 'Purple|PRP')],
    body: p('A simple, tough headlamp for kids, with one big button, a 100-lumen limit that will not dazzle friends, and a breakaway headband for safety. The battery door screws shut so small hands cannot lose the batteries.')
      + ul('Max output: 100 lumens', 'Batteries: two AAA (included)', 'Ages 4 and up', 'Weight: 2.1 oz'),
  },
  {
    handle: 'camp-lantern-300', title: 'Camp Lantern 300', code: 'LANT', type: 'Lanterns', category: CAT.lantern,
    tags: ['lighting', 'lantern', 'rechargeable', 'car-camping'],
    price: 39, grams: 240, options: [],
    body: p('A collapsible rechargeable lantern that lights a whole picnic table. Warm white at 300 lumens, a dimmer for the tent and a USB-A port that tops up a phone in a pinch. It folds flat to 1.5 inches.')
      + ul('Max output: 300 lumens', 'Battery: 4,400 mAh, USB-C charging', 'Run time: 6 h on high, 60 h on low', 'Weight: 8.5 oz'),
  },

  // ============================== Water: bottles, hydration, filters
  {
    handle: 'trail-bottle-1l', title: 'Trail Bottle 1L', code: 'BTL1L', type: 'Water Bottles', category: CAT.bottle,
    tags: ['water-bottles', 'hydration', 'bpa-free'],
    price: 18, grams: 180, options: [opt('Color', 'Clear|CLR', 'Lake Blue|BLU', 'Forest|FOR', 'Ember Orange|ORG')],
    body: p('A wide-mouth one-liter bottle in shatter-resistant, BPA-free Tritan copolyester. The wide mouth takes ice cubes and fits most squeeze filters, and the loop-top lid does not leak in a pack. Volume markings in ounces and milliliters.')
      + ul('Capacity: 1 liter (32 oz)', 'Dishwasher safe (top rack)', 'Weight: 6.3 oz'),
  },
  {
    handle: 'insulated-steel-bottle', title: 'Insulated Steel Bottle', code: 'INSB', type: 'Water Bottles', category: CAT.bottle,
    tags: ['water-bottles', 'insulated', 'stainless-steel'],
    price: 29, priceFor: { '32 oz': 35, '40 oz': 39 }, grams: 340, gramsFor: { '32 oz': 450, '40 oz': 540 },
    options: [opt('Capacity', '20 oz|20', '32 oz|32', '40 oz|40'), opt('Color', 'Lake|LAK', 'Black|BLK', 'Birch|BIR')], zero: ['40-BIR'],
    body: p('A double-wall vacuum-insulated stainless steel bottle that keeps water cold for 24 hours and coffee hot for 12. The powder-coated finish grips with wet or gloved hands. The straw lid and the chug lid are both included.')
      + ul('Capacities: 20 oz (590 ml), 32 oz (950 ml), 40 oz (1.2 l)', 'Hand wash only', 'Weight: 12 oz (20 oz bottle) to 1 lb 3 oz (40 oz bottle)'),
  },
  {
    handle: 'hydration-reservoir', title: 'Hydration Reservoir', code: 'HYDR', type: 'Hydration', category: CAT.hydration,
    tags: ['hydration', 'reservoir'],
    price: 35, priceFor: { '3 L': 39 }, grams: 190, gramsFor: { '3 L': 220 }, options: [opt('Capacity', '2 L|2L', '3 L|3L')],
    body: p('A hydration bladder with a slide-top opening that is easy to fill, clean and dry. The bite valve shuts off with a quarter twist, and the hose detaches with a quick connector so you can refill without threading it out of your pack.')
      + ul('Capacities: 2 liters or 3 liters', 'The 2 L fits the Alpine Dry 24 hydration sleeve', 'BPA- and PVC-free', 'Weight: 6.7 oz (2 L)'),
  },
  {
    handle: 'squeeze-water-filter', title: 'Squeeze Water Filter', code: 'SQZF', type: 'Water Filters', category: CAT.filter,
    tags: ['water-filters', 'water-treatment', 'ultralight'],
    price: 39, grams: 85, options: [],
    body: p('A hollow-fiber filter that screws onto the included one-liter soft pouch, most soda bottles and our Trail Bottle. It removes 99.9999% of bacteria and 99.9% of protozoa, such as giardia, down to 0.1 micron. It does not remove viruses. Backflush it with the included syringe to restore flow.')
      + ul('Filter life: up to 1,500 liters', 'Flow rate: about 1.7 liters per minute', 'Keep from freezing once wet', 'Weight: 3 oz'),
  },
  {
    handle: 'gravity-water-filter-4l', title: 'Gravity Water Filter 4L', code: 'GRVF', type: 'Water Filters', category: CAT.filter,
    tags: ['water-filters', 'water-treatment', 'group'],
    price: 99, grams: 330, options: [],
    body: p('Filter water for a whole group without pumping. Fill the 4-liter dirty reservoir at the stream, hang it from a branch and let gravity push water through a 0.2-micron hollow-fiber cartridge into any bottle or reservoir. It removes bacteria and protozoa; it does not remove viruses.')
      + ul('Capacity: 4 liters per fill', 'Flow rate: about 1.5 liters per minute', 'Filter life: up to 1,500 liters', 'Weight: 11.5 oz'),
  },
  {
    handle: 'trail-pump-water-filter', title: 'Trail Pump Water Filter', code: 'PMPF', type: 'Water Filters', category: CAT.filter,
    tags: ['water-filters', 'water-treatment'],
    price: 119, grams: 450, options: [],
    body: p('A field-maintainable pump filter for shallow puddles and silty water that clog other filters. The pleated glass-fiber element has a carbon core that improves taste, and its pre-filter float keeps the intake off the bottom. It removes bacteria and protozoa.')
      + ul('Output: 1 liter per minute', 'Cartridge life: up to 750 liters, replaceable', 'Weight: 15.9 oz'),
  },
  {
    handle: 'water-purification-tablets', title: 'Water Purification Tablets (30)', code: 'PURT', type: 'Water Filters', category: CAT.filter,
    tags: ['water-treatment', 'emergency'],
    price: 12, grams: 20, options: [],
    body: p('Chlorine dioxide tablets that treat one liter of clear water each. They kill viruses, bacteria and protozoa in 30 minutes (cryptosporidium needs 4 hours), and unlike iodine they leave almost no taste. A light backup for a filter, and an essential for travel where viruses are a concern.')
      + ul('30 individually wrapped tablets', 'Each tablet treats 1 liter', 'Weight: 0.7 oz'),
  },
  {
    handle: 'uv-purifier-pen', title: 'UV Purifier Pen', code: 'UVPEN', type: 'Water Filters', category: CAT.filter,
    tags: ['water-treatment', 'travel'], status: 'archived',
    price: 79, grams: 140, options: [],
    body: p('A rechargeable ultraviolet pen that treats a liter of clear water in 90 seconds by stirring. It inactivates bacteria, protozoa and viruses but does not filter sediment. Discontinued: we now recommend the Squeeze Water Filter with purification tablets for travel.')
      + ul('Treats 1 liter in 90 seconds', 'About 50 liters per charge, USB-C', 'Weight: 4.9 oz'),
  },

  // ============================== Stoves and fuel
  {
    handle: 'spark-canister-stove', title: 'Spark Canister Stove', code: 'SPRK', type: 'Stoves', category: CAT.stove,
    tags: ['stoves', 'backpacking', 'canister'],
    price: 59, grams: 85, options: [],
    body: p('A tiny, foldable stove that screws onto any threaded isobutane canister. It boils a liter of water in about three and a half minutes, and the wide pot supports hold everything from a titanium mug to a two-liter pot. Push-button piezo ignition.')
      + ul('Boil time: about 3.5 min per liter', 'Output: 10,000 BTU/h', 'Fuel: threaded isobutane canisters (sold separately)', 'Weight: 3 oz'),
  },
  {
    handle: 'spark-integrated-cook-system', title: 'Spark Integrated Cook System', code: 'SPKIS', type: 'Stoves', category: CAT.stove,
    tags: ['stoves', 'backpacking', 'canister', 'cook-system'],
    price: 149, grams: 420, options: [opt('Color', 'Orange|ORG', 'Gray|GRY')],
    body: p('A stove and one-liter pot that lock together, with a heat-exchanger base that saves fuel and a windproof burner. Everything, including a 100 g canister, nests inside the insulated pot. It boils half a liter in about two minutes.')
      + ul('Boil time: about 2 min per 0.5 liter', 'Pot: 1 liter, insulated cozy, lid with strainer', 'Fuel: threaded isobutane canisters (sold separately)', 'Weight: 14.8 oz'),
  },
  {
    handle: 'basecamp-two-burner-stove', title: 'Basecamp Two-Burner Stove', code: 'BC2B', type: 'Stoves', category: CAT.stove,
    tags: ['stoves', 'car-camping', 'propane'],
    price: 139, grams: 5200, options: [],
    body: p('A propane camp stove with two 11,000 BTU burners that simmer properly, so pancakes cook instead of scorch. Wind baffles fold out on three sides, and the enameled grate lifts out for cleaning. It runs on standard 16.4 oz propane cylinders.')
      + ul('Burners: two, 11,000 BTU/h each', 'Cooking surface fits a 12-inch and a 10-inch pan', 'Fuel: 1 lb propane cylinders (not sold online)', 'Weight: 11 lb 8 oz'),
  },
  {
    handle: 'expedition-liquid-fuel-stove', title: 'Expedition Liquid-Fuel Stove', code: 'EXLF', type: 'Stoves', category: CAT.stove,
    tags: ['stoves', 'expedition', 'liquid-fuel', 'winter'],
    price: 169, grams: 390, options: [],
    body: p('A field-serviceable stove that burns white gas, kerosene and unleaded auto fuel, for winter camping and travel where canisters are hard to find. It keeps its output in deep cold, and the pump and jet can be cleaned on the trail with the included tool.')
      + ul('Boil time: about 3.9 min per liter (white gas)', 'Fuel and fuel bottle not included', 'Includes maintenance kit and windscreen', 'Weight: 13.7 oz'),
  },
  {
    handle: 'isobutane-fuel-canister', title: 'Isobutane Fuel Canister', code: 'FUEL', type: 'Stove Fuel', category: CAT.stove,
    tags: ['stoves', 'fuel', 'ground-only', 'us-only'],
    price: 6.95, priceFor: { '230 g': 8.95, '450 g': 12.95 }, grams: 200, gramsFor: { '230 g': 370, '450 g': 650 },
    unitPrice: { '100 g': 100, '230 g': 230, '450 g': 450 },
    options: [opt('Size', '100 g|100', '230 g|230', '450 g|450')],
    body: p('An isobutane-propane blend in a threaded canister that fits the Spark stoves and most other canister stoves. The blend keeps good pressure down to about 20°F. Because it is a pressurized flammable gas, we ship fuel only by ground within the contiguous United States; it cannot ship to Canada, internationally, by air or to PO boxes.')
      + ul('Sizes: 100 g, 230 g, 450 g net fuel', 'Ground shipping, contiguous US only', 'Cannot be returned by mail'),
  },

  // ============================== Cookware
  {
    handle: 'titanium-pot-750', title: 'Titanium Pot 750 ml', code: 'TIPOT', type: 'Cookware', category: CAT.cook,
    tags: ['cookware', 'titanium', 'ultralight'],
    price: 49, grams: 105, options: [],
    body: p('A 750 ml titanium pot that doubles as a mug. It holds a 100 g fuel canister and a Spark Canister Stove inside, with a lid that stays put and folding handles that lock open. Titanium does not taint the taste of coffee or dent easily.')
      + ul('Capacity: 750 ml', 'Volume marks inside', 'Weight: 3.7 oz'),
  },
  {
    handle: 'two-person-cook-set', title: 'Two-Person Cook Set', code: 'CK2P', type: 'Cookware', category: CAT.cook,
    tags: ['cookware', 'backpacking', 'aluminum'],
    price: 69, grams: 520, options: [],
    body: p('A nesting hard-anodized aluminum set for two: a 1.8-liter pot with a strainer lid, a 7-inch frying pan with a non-stick coating, two insulated mugs and two bowls. Everything packs inside the pot with room for a 230 g canister.')
      + ul('Pot: 1.8 liters; pan: 7 in', 'Includes two mugs and two bowls', 'Weight: 1 lb 2 oz'),
  },
  {
    handle: 'camp-kitchen-utensil-kit', title: 'Camp Kitchen Utensil Kit', code: 'UTKT', type: 'Cookware', category: CAT.cook,
    tags: ['cookware', 'car-camping', 'utensils'],
    price: 29, grams: 320, options: [],
    body: p('The camp kitchen drawer in a zip case: a spatula, a serving spoon, a folding knife with a sheath, a cutting board, a scrubber, a pot gripper, a salt-and-pepper shaker and a small bottle for oil. Every piece is heat-resistant nylon or stainless steel.')
      + ul('Nine pieces in a roll-up case', 'Weight: 11.3 oz'),
  },
  {
    handle: 'insulated-camp-mug', title: 'Insulated Camp Mug 12 oz', code: 'MUG', type: 'Cookware', category: CAT.cook,
    tags: ['cookware', 'insulated', 'mug'],
    price: 22, grams: 260, options: [opt('Color', 'Lake|LAK', 'Ember Orange|ORG', 'Birch|BIR')],
    body: p('A double-wall stainless steel mug with a slide-lock lid and a handle that fits a gloved hand. It keeps morning coffee hot through camp chores and stands stable on a rocky picnic table thanks to its wide base.')
      + ul('Capacity: 12 oz (355 ml)', 'Keeps drinks hot for about 3 hours', 'Weight: 9.2 oz'),
  },
  {
    handle: 'collapsible-bowl-cup-set', title: 'Collapsible Bowl & Cup Set', code: 'CLPS', type: 'Cookware', category: CAT.cook,
    tags: ['cookware', 'backpacking', 'silicone'],
    price: 24, grams: 190, options: [],
    body: p('A silicone bowl and cup with rigid rims that fold flat to under an inch. The bowl holds 650 ml of noodles or oatmeal, the cup 350 ml of tea. Both are food-grade, dishwasher safe and handle boiling water.')
      + ul('Bowl: 650 ml; cup: 350 ml', 'Fold to 0.8 in tall', 'Weight: 6.7 oz for both'),
  },
  {
    handle: 'pour-over-coffee-dripper', title: 'Pour-Over Coffee Dripper', code: 'DRIP', type: 'Cookware', category: CAT.cook,
    tags: ['cookware', 'coffee'],
    price: 18, grams: 45, options: [],
    body: p('A collapsible silicone pour-over cone that sits on any mug or pot, for real coffee at the trailhead. It uses standard #2 paper filters, or the included reusable stainless mesh filter, and flattens to the thickness of a phone.')
      + ul('Fits mugs 2.5-4 in across', 'Includes a reusable mesh filter', 'Weight: 1.6 oz'),
  },

  // ============================== Pants, first aid
  {
    handle: 'convertible-hiking-pants-mens', title: "Convertible Hiking Pants - Men's", code: 'CVPM', type: 'Hiking Pants', category: CAT.pants,
    tags: ['hiking-pants', 'men', 'convertible', 'quick-dry'],
    price: 89, grams: 390, options: [opt('Waist', '30', '32', '34', '36', '38'), opt('Inseam', '30 in|30', '32 in|32')], zero: ['38-30'],
    body: p('Stretch nylon hiking pants with zip-off legs that turn into 10-inch shorts when the day warms up. Color-coded zippers make the legs easy to match, and the gusseted crotch and articulated knees make high steps easy. UPF 50 and quick drying.')
      + ul('Fabric: 94% nylon, 6% spandex, DWR finish', 'Sizes by waist (30-38 in) and inseam (30 or 32 in)', 'Weight: 13.8 oz (32 x 32)'),
  },
  {
    handle: 'trail-hiking-pants-womens', title: "Trail Hiking Pants - Women's", code: 'THPW', type: 'Hiking Pants', category: CAT.pants,
    tags: ['hiking-pants', 'women', 'quick-dry'],
    price: 85, grams: 330, options: [opt('Size', '2', '4', '6', '8', '10', '12', '14')],
    body: p('A slim, stretchy hiking pant with a contoured yoga-style waistband that is comfortable under a hip belt. Five pockets, including a zip thigh pocket that fits a phone, and drawcord ankles that cinch above boots. UPF 50.')
      + ul('Fabric: 88% nylon, 12% spandex, DWR finish', 'Sizes: US 2-14; inseam 31 in', 'Weight: 11.6 oz (size 8)'),
  },
  {
    handle: 'day-hiker-first-aid-kit', title: 'Day Hiker First Aid Kit', code: 'FAKD', type: 'First Aid', category: CAT.firstAid,
    tags: ['first-aid', 'safety', 'hiking'],
    price: 35, grams: 230, options: [],
    body: p('A first aid kit sized for one to four people on day hikes, organized by injury in labeled pockets: blisters, cuts and scrapes, sprains and medications. It includes a printed wilderness first aid guide and an emergency blanket, and everything fits in a water-resistant pouch.')
      + ul('Over 60 items, including blister dressings and a SAM-style splint', 'Water-resistant zip pouch', 'Weight: 8 oz'),
  },

  // ============================== Gift card
  {
    handle: 'northwind-trail-gift-card', title: 'Northwind Trail Co. Gift Card', code: 'GIFT', type: 'Gift Cards', category: CAT.gift,
    tags: ['gift-card'], giftCard: true,
    price: 25, priceFor: { '$50': 50, '$100': 100 }, grams: 0, options: [opt('Denomination', '$25|25', '$50|50', '$100|100')],
    body: p('Give the gift of the trail. Our digital gift card is emailed to the recipient with your message, can be used online or at our Burlington store, and never expires. It can be applied to any order, including orders that combine gift card and card payments.')
      + ul('Denominations: $25, $50 or $100', 'Delivered by email, no shipping', 'Gift cards cannot be returned or exchanged for cash'),
  },
];

// ---------------------------------------------------------------- expansion into rows
const cents = (dollars) => Math.round(dollars * 100);
const money = (c) => (c / 100).toFixed(2);

function cartesian(options) {
  if (options.length === 0) return [[]];
  const [first, ...rest] = options;
  const tails = cartesian(rest);
  return first.values.flatMap((value) => tails.map((tail) => [value, ...tail]));
}

function upcA(serial) {
  const body = `84031${String(serial).padStart(6, '0')}`; // fictional company prefix + item number
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(body[i]) * (i % 2 === 0 ? 3 : 1);
  return body + String((10 - (sum % 10)) % 10);
}

function slug(text) {
  return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function csvField(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

let barcodeSerial = 1000;
function rowsFor(product) {
  const status = product.status ?? 'active';
  const giftCard = Boolean(product.giftCard);
  const combos = cartesian(product.options);
  const colorIndex = product.options.findIndex((o) => o.name === 'Color');
  // Images: one per color when the product has a Color option, otherwise a main shot and a detail shot.
  const images = colorIndex >= 0
    ? product.options[colorIndex].values.map((value, i) => ({ src: `${CDN}/${product.handle}-${i + 1}.jpg`, alt: `${product.title} in ${value.label}`, color: value.label }))
    : [{ src: `${CDN}/${product.handle}-1.jpg`, alt: product.title }, { src: `${CDN}/${product.handle}-2.jpg`, alt: `${product.title}, detail` }];

  const variants = combos.map((combo) => {
    const labels = combo.map((v) => v.label);
    const codes = combo.map((v) => v.code);
    const pick = (table, fallback) => {
      for (const label of labels) if (table && label in table) return table[label];
      return fallback;
    };
    const price = cents(pick(product.priceFor, product.price));
    const compare = product.compareFor ? pick(product.compareFor, undefined) : product.compare;
    const grams = pick(product.gramsFor, product.grams);
    const key = codes.join('-');
    let qty;
    if (giftCard) qty = '';
    else if (status === 'archived') qty = 0;
    else if ((product.zero ?? []).includes(key)) qty = 0;
    else {
      const r = rng();
      qty = r < 0.05 ? 0 : Math.floor(rng() * 48) + 2;
    }
    const sku = `NW-${product.code}-${codes.length ? codes.join('-') : 'OS'}`;
    const variantImage = colorIndex >= 0 ? images.find((img) => img.color === combo[colorIndex].label).src : '';
    const unit = product.unitPrice ? pick(product.unitPrice, null) : null;
    return {
      labels, sku, grams, qty, price,
      compare: compare ? cents(compare) : null,
      cost: giftCard ? '' : money(Math.round(price * (product.costRatio ?? 0.47))),
      barcode: giftCard ? '' : upcA(barcodeSerial++),
      variantImage,
      unit,
    };
  });

  const rows = [];
  const count = Math.max(variants.length, images.length);
  for (let i = 0; i < count; i++) {
    const v = variants[i];
    const img = images[i];
    const first = i === 0;
    const row = Object.fromEntries(HEADER.map((h) => [h, '']));
    row.Handle = product.handle;
    if (first) {
      Object.assign(row, {
        Title: product.title,
        'Body (HTML)': product.body,
        Vendor: product.vendor ?? NW,
        'Product Category': product.category,
        Type: product.type,
        Tags: product.tags.join(', '),
        Published: status === 'active' ? 'TRUE' : 'FALSE',
        'Gift Card': giftCard ? 'TRUE' : 'FALSE',
        'SEO Title': product.seoTitle ?? '',
        'SEO Description': product.seoDescription ?? '',
        Status: status,
      });
      if (product.options.length === 0) {
        row['Option1 Name'] = 'Title';
      } else {
        product.options.forEach((o, k) => { row[`Option${k + 1} Name`] = o.name; });
      }
    }
    if (v) {
      if (product.options.length === 0) row['Option1 Value'] = 'Default Title';
      else v.labels.forEach((label, k) => { row[`Option${k + 1} Value`] = label; });
      Object.assign(row, {
        'Variant SKU': v.sku,
        'Variant Grams': String(v.grams),
        'Variant Inventory Tracker': giftCard ? '' : 'shopify',
        'Variant Inventory Qty': String(v.qty),
        'Variant Inventory Policy': 'deny',
        'Variant Fulfillment Service': 'manual',
        'Variant Price': money(v.price),
        'Variant Compare At Price': v.compare ? money(v.compare) : '',
        'Variant Requires Shipping': giftCard ? 'FALSE' : 'TRUE',
        'Variant Taxable': giftCard ? 'FALSE' : 'TRUE',
        'Variant Barcode': v.barcode,
        'Variant Image': v.variantImage,
        'Variant Weight Unit': v.grams >= 454 ? 'lb' : 'oz',
        'Cost per item': v.cost,
      });
      if (v.unit) {
        Object.assign(row, {
          'Unit Price Total Measure': String(v.unit), 'Unit Price Total Measure Unit': 'g',
          'Unit Price Base Measure': '100', 'Unit Price Base Measure Unit': 'g',
        });
      }
    }
    if (img) {
      row['Image Src'] = img.src;
      row['Image Position'] = String(i + 1);
      row['Image Alt Text'] = img.alt;
    }
    rows.push(row);
  }
  return rows;
}

function main() {
  const handles = new Set();
  const codes = new Set();
  for (const product of PRODUCTS) {
    if (handles.has(product.handle)) throw new Error(`duplicate handle ${product.handle}`);
    if (codes.has(product.code)) throw new Error(`duplicate code ${product.code}`);
    if (product.handle !== slug(product.handle)) throw new Error(`handle ${product.handle} is not a slug`);
    handles.add(product.handle);
    codes.add(product.code);
  }
  const lines = [HEADER.map(csvField).join(',')];
  let variantCount = 0;
  for (const product of PRODUCTS) {
    for (const row of rowsFor(product)) {
      if (row['Variant SKU']) variantCount++;
      lines.push(HEADER.map((h) => csvField(row[h])).join(','));
    }
  }
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, lines.join('\n') + '\n');
  console.log(`wrote ${OUT}: ${PRODUCTS.length} products, ${variantCount} variants, ${lines.length - 1} rows`);
}

main();

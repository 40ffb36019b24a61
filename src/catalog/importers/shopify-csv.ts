import { parse } from 'csv-parse/sync';
import { parseDecimalToMinor, slugify, type ImportIssue } from '../../platform/index.ts';
import type { Product, Variant } from '../types.ts';

/** The result of reading one catalog file: products ready to store, and what was wrong. */
export interface ParsedCatalog {
  products: Product[];
  issues: ImportIssue[];
  /** Data rows (or lines/records) read, including broken ones. */
  rows: number;
}

type Row = Record<string, string>;
interface RowInfo { row: Row; line: number }

const REQUIRED_COLUMNS = ['Handle'];

/**
 * Reads a Shopify product CSV export. A product spans several rows with the same Handle: the first
 * carries the product fields, the following ones add variants (Option values, Variant * columns)
 * or only images. A broken row is reported with its line and column and skipped; the rest imports.
 */
export function parseShopifyCsv(text: string, file: string, currency: string): ParsedCatalog {
  const issues: ImportIssue[] = [];
  let header: string[] = [];
  let unreadable = 0;
  const records = parse(text, {
    bom: true,
    columns: (names: string[]) => (header = names.map((name) => name.trim())),
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { message: string; lines?: number } | undefined) => {
      unreadable++;
      if (error) issues.push({ file, line: error.lines, message: `unreadable CSV row: ${error.message.replace(/ at line \d+/, '')}` });
      return undefined;
    },
  }) as Array<{ record: Row; raw: string; info: { lines: number } }>;
  const missing = REQUIRED_COLUMNS.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    return { products: [], rows: records.length, issues: [{ file, line: 1, message: `missing column ${missing.join(', ')}; is this a Shopify product CSV export?` }] };
  }
  const columnOf = (name: string) => header.indexOf(name) + 1;
  const rows: RowInfo[] = records.map(({ record, raw, info }) => ({
    row: record,
    line: info.lines - (raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0),
  }));
  const byHandle = new Map<string, RowInfo[]>();
  for (const info of rows) {
    const handle = info.row.Handle?.trim();
    if (!handle) {
      issues.push({ file, line: info.line, column: columnOf('Handle'), field: 'Handle', message: 'empty Handle; every row needs the handle of its product' });
      continue;
    }
    const group = byHandle.get(handle) ?? [];
    group.push(info);
    byHandle.set(handle, group);
  }
  const products: Product[] = [];
  const seenSkus = new Set<string>();
  for (const [handle, group] of byHandle) {
    const product = buildProduct(handle, group, { file, currency, issues, columnOf, seenSkus });
    if (product) products.push(product);
  }
  return { products, issues, rows: records.length + unreadable };
}

interface BuildContext {
  file: string;
  currency: string;
  issues: ImportIssue[];
  columnOf: (name: string) => number;
  seenSkus: Set<string>;
}

function buildProduct(handle: string, group: RowInfo[], context: BuildContext): Product | null {
  const { file, issues, columnOf } = context;
  const head = group.find((info) => info.row.Title?.trim()) ?? group[0]!;
  if (!head.row.Title?.trim()) {
    issues.push({ file, line: head.line, column: columnOf('Title'), field: 'Title', message: `product "${handle}" has no row with a Title; its rows are skipped` });
    return null;
  }
  const optionNames = [1, 2, 3].map((index) => head.row[`Option${index} Name`]?.trim() ?? '');
  const variants: Variant[] = [];
  const images: Product['images'] = [];
  for (const info of group) {
    const image = info.row['Image Src']?.trim();
    if (image && !images.some((known) => known.src === image)) images.push({ src: image, alt: info.row['Image Alt Text']?.trim() || null });
    if (!isVariantRow(info.row)) continue;
    const variant = buildVariant(handle, info, optionNames, context);
    if (variant) variants.push(variant);
  }
  if (variants.length === 0) {
    issues.push({ file, line: head.line, message: `product "${handle}" has no valid variant row; skipped` });
    return null;
  }
  const options = optionNames
    .map((name) => ({ name, values: [...new Set(variants.map((variant) => variant.options[name]).filter((value): value is string => !!value))] }))
    .filter((option) => option.name && option.name !== 'Title' && option.values.length > 0);
  const status = (head.row.Status?.trim().toLowerCase() || (head.row.Published?.trim().toLowerCase() === 'false' ? 'draft' : 'active'));
  return {
    id: handle,
    title: head.row.Title.trim(),
    description_html: head.row['Body (HTML)'] ?? '',
    vendor: head.row.Vendor?.trim() || null,
    product_type: head.row.Type?.trim() || null,
    category: head.row['Product Category']?.trim() || null,
    tags: (head.row.Tags ?? '').split(',').map((tag) => tag.trim()).filter(Boolean),
    status: status === 'draft' || status === 'archived' ? status : 'active',
    is_gift_card: head.row['Gift Card']?.trim().toLowerCase() === 'true',
    options,
    images,
    url: null,
    variants,
  };
}

function isVariantRow(row: Row): boolean {
  return Boolean(row['Variant Price']?.trim() || row['Option1 Value']?.trim() || row['Variant SKU']?.trim());
}

function buildVariant(handle: string, info: RowInfo, optionNames: string[], context: BuildContext): Variant | null {
  const { file, issues, columnOf, currency, seenSkus } = context;
  const { row, line } = info;
  const fail = (field: string, message: string) => {
    issues.push({ file, line, column: columnOf(field), field, message });
    return null;
  };
  const price = parseDecimalToMinor(row['Variant Price'] ?? '', currency);
  if (price === null || price < 0) return fail('Variant Price', `"${row['Variant Price'] ?? ''}" is not a price; write it like 129.00`);
  const compareText = row['Variant Compare At Price']?.trim() ?? '';
  const compareAt = compareText ? parseDecimalToMinor(compareText, currency) : null;
  if (compareText && (compareAt === null || compareAt < 0)) return fail('Variant Compare At Price', `"${compareText}" is not a price; write it like 149.00 or leave it empty`);
  const quantityText = row['Variant Inventory Qty']?.trim() ?? '';
  const inventory = quantityText ? Number(quantityText) : 0;
  if (!Number.isInteger(inventory)) return fail('Variant Inventory Qty', `"${quantityText}" is not a whole number`);
  const gramsText = row['Variant Grams']?.trim() ?? '';
  const grams = gramsText ? Number(gramsText) : null;
  if (grams !== null && !(Number.isFinite(grams) && grams >= 0)) return fail('Variant Grams', `"${gramsText}" is not a weight in grams`);
  const options: Record<string, string> = {};
  optionNames.forEach((name, index) => {
    const value = row[`Option${index + 1} Value`]?.trim();
    if (name && value && !(name === 'Title' && value === 'Default Title')) options[name] = value;
  });
  const title = Object.values(options).join(' / ') || 'Default';
  const sku = row['Variant SKU']?.trim() || `${handle}-${slugify(title)}`;
  if (seenSkus.has(sku)) return fail('Variant SKU', `SKU "${sku}" appears twice in the file; SKUs must be unique`);
  seenSkus.add(sku);
  const tracked = (row['Variant Inventory Tracker']?.trim() ?? 'shopify') !== '' || quantityText !== '';
  const policy = row['Variant Inventory Policy']?.trim().toLowerCase();
  return {
    id: sku,
    sku,
    title,
    options,
    price,
    compare_at_price: compareAt && compareAt > price ? compareAt : null,
    inventory,
    inventory_policy: policy === 'continue' || !tracked ? 'continue' : 'deny',
    weight_grams: grams === null ? null : Math.round(grams),
    barcode: row['Variant Barcode']?.trim() || null,
    image: row['Variant Image']?.trim() || null,
    requires_shipping: (row['Variant Requires Shipping']?.trim().toLowerCase() ?? 'true') !== 'false',
    taxable: (row['Variant Taxable']?.trim().toLowerCase() ?? 'true') !== 'false',
  };
}

/** Writes a synthetic Shopify product CSV export with `rows` variant rows (4 variants a product). */
const HEADER = ['Handle', 'Title', 'Body (HTML)', 'Vendor', 'Product Category', 'Type', 'Tags', 'Published', 'Option1 Name', 'Option1 Value', 'Option2 Name', 'Option2 Value', 'Variant SKU', 'Variant Grams', 'Variant Inventory Tracker', 'Variant Inventory Qty', 'Variant Inventory Policy', 'Variant Price', 'Variant Compare At Price', 'Variant Requires Shipping', 'Variant Taxable', 'Image Src', 'Status'];

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function generateShopifyCsv(rows: number): string {
  const lines = [HEADER.join(',')];
  const sizes = ['S', 'M', 'L', 'XL'];
  for (let index = 0; index < rows; index++) {
    const product = Math.floor(index / sizes.length);
    const first = index % sizes.length === 0;
    const price = (20 + (product % 180)).toFixed(2);
    const values: Record<string, string> = {
      Handle: `product-${product}`,
      'Option1 Value': sizes[index % sizes.length]!,
      'Option2 Value': product % 2 ? 'Blue' : 'Green',
      'Variant SKU': `GEN-${product}-${index % sizes.length}`,
      'Variant Grams': String(300 + (index % 700)),
      'Variant Inventory Tracker': 'shopify',
      'Variant Inventory Qty': String(index % 17),
      'Variant Inventory Policy': 'deny',
      'Variant Price': price,
      'Variant Requires Shipping': 'true',
      'Variant Taxable': 'true',
    };
    if (first) {
      Object.assign(values, {
        Title: `Generated Product ${product}`,
        'Body (HTML)': `<p>Generated product ${product}, with "quotes", commas, and\na second line.</p>`,
        Vendor: 'Bench Co', Type: 'Gear', Tags: 'bench, generated', Published: 'true',
        'Option1 Name': 'Size', 'Option2 Name': 'Color', 'Image Src': `https://cdn.example/p/${product}.jpg`, Status: 'active',
      });
    }
    lines.push(HEADER.map((column) => quote(values[column] ?? '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}

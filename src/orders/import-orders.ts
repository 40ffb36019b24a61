import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { emptyReport, jsonArrayElementOffsets, jsonErrorOffset, positionAt, type ImportIssue, type ImportReport } from '../platform/index.ts';
import type { OrdersRepository } from './repository.ts';
import { customerSchema, orderFileSchema, type CustomerInput, type Order, type OrderInput, type SkuFacts } from './types.ts';

interface Located<T> { value: T; line?: number; column?: number }

/** Reads a JSON array file and validates each element, reporting bad elements at their line. */
function readJsonArray<S extends z.ZodType>(file: string, schema: S, report: ImportReport): Located<z.output<S>>[] | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    report.issues.push({ file, message: `cannot read the file: ${(error as Error).message}` });
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(error, text);
    report.issues.push({ file, ...(offset === undefined ? {} : positionAt(text, offset)), message: `not valid JSON (nothing imported from this file): ${(error as Error).message}` });
    return null;
  }
  if (!Array.isArray(data)) {
    report.issues.push({ file, line: 1, column: 1, message: 'expected a JSON array' });
    return null;
  }
  const offsets = jsonArrayElementOffsets(text);
  report.read = data.length;
  const valid: Located<z.output<S>>[] = [];
  data.forEach((item, index) => {
    const at = offsets[index] === undefined ? {} : positionAt(text, offsets[index]!);
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push({ value: parsed.data, ...at });
    else {
      report.skipped++;
      for (const issue of parsed.error.issues.slice(0, 3)) {
        report.issues.push({ file, ...at, field: `[${index}].${issue.path.join('.')}`, message: issue.message });
      }
    }
  });
  return valid;
}

export async function importCustomersFile(repository: OrdersRepository, file: string): Promise<ImportReport> {
  const report = emptyReport(file, 'customers-json');
  const customers = readJsonArray(file, customerSchema, report);
  if (!customers) return report;
  const seenEmails = new Set<string>();
  const unique: CustomerInput[] = [];
  for (const { value, line, column } of customers) {
    const email = value.email.toLowerCase();
    if (seenEmails.has(email)) {
      report.skipped++;
      report.issues.push({ file, line, column, field: 'email', message: `email ${email} is used by two customers; each customer needs their own` });
      continue;
    }
    seenEmails.add(email);
    unique.push(value);
  }
  Object.assign(report, await repository.upsertCustomers(unique));
  return report;
}

/** Turns a validated order record into a stored order, checking its arithmetic and references. */
function toOrder(input: OrderInput, describeSku: (sku: string) => SkuFacts | null, issue: (field: string, message: string) => void): Order | null {
  const lines = input.line_items.map((line) => {
    const facts = describeSku(line.sku);
    return {
      id: line.id, sku: line.sku, product_id: facts?.product_id ?? null, title: line.title ?? facts?.title ?? line.sku,
      variant_title: facts?.variant_title ?? '', options: facts?.options ?? {}, quantity: line.quantity, unit_price: line.unit_price,
      tags: facts?.tags ?? [],
    };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.quantity * line.unit_price, 0);
  const total = subtotal - input.discount + input.shipping.price + input.tax;
  if (total < 0) {
    issue('discount', `discount ${input.discount} is larger than the order's value`);
    return null;
  }
  return {
    number: input.number.toUpperCase(), customer_id: input.customer_id, status: input.status, items_modified: false,
    currency: input.currency, created_at: input.created_at, updated_at: input.updated_at ?? input.created_at,
    shipping_address: input.shipping_address, line_items: lines, shipping: input.shipping,
    subtotal, discount: input.discount, tax: input.tax, total, payments: input.payments, fulfillments: input.fulfillments,
    cancel_reason: input.cancel_reason ?? null, request: null,
  };
}

export async function importOrdersFile(repository: OrdersRepository, file: string, describeSku: (sku: string) => SkuFacts | null): Promise<ImportReport> {
  const report = emptyReport(file, 'orders-json');
  const records = readJsonArray(file, orderFileSchema, report);
  if (!records) return report;
  const known = await repository.existingCustomerIds([...new Set(records.map((record) => record.value.customer_id))]);
  const orders: Order[] = [];
  const seen = new Set<string>();
  let unknownSkus = 0;
  for (const { value, line, column } of records) {
    const issue = (field: string, message: string) => report.issues.push({ file, line, column, field: `${value.number}.${field}`, message } satisfies ImportIssue);
    if (!known.has(value.customer_id)) {
      issue('customer_id', `customer ${value.customer_id} is not in customers.json; import the customer first`);
      report.skipped++;
      continue;
    }
    if (seen.has(value.number.toUpperCase())) {
      issue('number', 'order number appears twice');
      report.skipped++;
      continue;
    }
    const order = toOrder(value, describeSku, issue);
    if (!order) {
      report.skipped++;
      continue;
    }
    unknownSkus += order.line_items.filter((item) => item.product_id === null).length;
    seen.add(order.number);
    orders.push(order);
  }
  if (unknownSkus > 0) report.issues.push({ file, message: `${unknownSkus} line items name a SKU that is not in the catalog; they keep the title from the order file` });
  Object.assign(report, await repository.upsertOrders(orders));
  report.counts = { line_items: orders.reduce((sum, order) => sum + order.line_items.length, 0) };
  return report;
}

/** Imports `orders/customers.json`, then every `orders/orders*.json`. */
export async function importOrdersDir(repository: OrdersRepository, dir: string, describeSku: (sku: string) => SkuFacts | null): Promise<ImportReport[]> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const reports: ImportReport[] = [];
  if (names.includes('customers.json')) reports.push(await importCustomersFile(repository, join(dir, 'customers.json')));
  for (const name of names.filter((entry) => /^orders.*\.json$/.test(entry)).sort()) {
    reports.push(await importOrdersFile(repository, join(dir, name), describeSku));
  }
  return reports;
}

import type { Priced } from './pricing.ts';
import type { CheckoutSession, Message } from './types.ts';

/**
 * What is still missing before the buyer can pay, as ACP messages. Errors block payment; info
 * and warnings (discounts not applied) do not. The buyer's email may also arrive with complete.
 */
export function readinessMessages(session: CheckoutSession, priced: Priced): Message[] {
  const messages: Message[] = [];
  if (session.requested.length === 0) messages.push({ type: 'error', code: 'missing', param: '$.line_items', content: 'Add at least one item.' });
  const needsShipping = priced.line_items.some((line) => line.item.requires_shipping);
  if (needsShipping && !session.address) {
    messages.push({ type: 'error', code: 'missing', param: '$.fulfillment_details.address', content: 'Add a shipping address to see delivery options and the total.' });
  } else if (needsShipping && !priced.fulfillment_options.some((option) => option.type === 'shipping')) {
    const pickup = priced.fulfillment_options.find((option) => option.type === 'pickup');
    // A buyer who picks the pickup option on purpose can still be served; nobody else is, silently.
    if (!pickup || priced.selected_option_id !== pickup.id) {
      messages.push({ type: 'error', code: 'region_restricted', param: '$.fulfillment_details.address.country',
        content: `We do not ship to ${countryName(session.address!.country)}.${pickup ? ` You can choose "${pickup.title}" instead.` : ''}` });
    }
  }
  for (const rejected of priced.rejected) {
    messages.push({ type: 'warning', code: rejected.reason, param: '$.discounts.codes', content: rejected.message });
  }
  priced.line_items.forEach((line, index) => {
    if (line.item.available !== null && line.item.available < line.quantity) {
      messages.push({ type: 'error', code: line.item.available <= 0 ? 'out_of_stock' : 'quantity_exceeded', param: `$.line_items[${index}]`,
        content: line.item.available <= 0 ? `${line.item.title} is out of stock.` : `Only ${line.item.available} of ${line.item.title} left.` });
    }
  });
  return messages;
}

function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

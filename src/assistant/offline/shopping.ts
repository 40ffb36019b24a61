import { readCheckout, readProducts } from '../adapters.ts';
import { extractBudget, pickProductIndex, productQuery } from '../intents.ts';
import { formatMoneyFor } from '../language.ts';
import { TOOL, checkoutInput } from '../tool-inputs.ts';
import { splitSentences } from '../guardrails.ts';
import type { ProductCard, TurnContext } from '../types.ts';
import { answerPolicy } from './help.ts';
import { say, sayKey, unavailable } from './say.ts';

const ATTRIBUTE_WORDS: Array<[RegExp, string[]]> = [
  [/laptop|ordinateur/, ['laptop', 'ordinateur', 'sleeve']],
  [/waterproof|imperméable|rain|pluie/, ['waterproof', 'imperméable', 'water', 'rain', 'dwr', 'seam']],
  [/weigh|weight|poids|pèse|heavy|light/, ['weigh', 'weight', 'poids', ' g ', 'grams', 'kg', 'oz', 'lb']],
  [/capacity|liters|litres|capacité|how big/, ['liter', 'litre', ' l ', 'capacity', 'volume']],
  [/warm|temperature|rated|température/, ['rated', '°', 'temperature', 'warm']],
  [/material|fabric|made of|matière|tissu/, ['nylon', 'polyester', 'leather', 'wool', 'down', 'fabric', 'made']],
];

export async function searchProducts(turn: TurnContext, text: string): Promise<void> {
  if (!turn.tools.has('search_products')) return unavailable(turn, { en: 'search the catalog', fr: 'chercher dans le catalogue' });
  const budget = extractBudget(text);
  const query = productQuery(text) || text;
  const result = await turn.tools.call('search_products', { query, ...(budget !== null ? { max_price: budget } : {}), limit: 3 });
  const products = (result.ok ? readProducts(result.output, turn.merchant.url) : []).filter((product) => budget === null || product.price <= budget);
  const currency = products[0]?.currency ?? 'USD';
  const budgetText = budget !== null ? turn.state.locale === 'fr' ? ` à moins de ${formatMoneyFor('fr', budget, currency)}` : ` under ${formatMoneyFor('en', budget, currency)}` : '';
  if (products.length === 0) {
    turn.state.misses += 1;
    return sayKey(turn, 'products_none', { budget: budgetText });
  }
  turn.state.misses = 0;
  turn.state.lastProducts = products.map(({ description: _d, variants: _v, ...card }) => card);
  sayKey(turn, 'products_found', { budget: budgetText });
  const lines = products.map((product) => `\n- ${product.title}: ${formatMoneyFor(turn.state.locale, product.price, product.currency)}`).join('');
  say(turn, lines);
  turn.emit({ type: 'product-cards', products: turn.state.lastProducts });
}

/** "Does the Stormline 32 have a laptop sleeve?": answered only from that product's own page text. */
export async function answerProductQuestion(turn: TurnContext, text: string): Promise<void> {
  let product: ProductCard | undefined;
  const named = /[A-Z][a-z]+(?: [A-Z0-9][\w-]*)+/.exec(text)?.[0];
  if (turn.tools.has('search_products') && (named || turn.state.lastProducts.length === 0)) {
    const result = await turn.tools.call('search_products', { query: named ?? productQuery(text), in_stock_only: false, limit: 3 });
    const found = result.ok ? readProducts(result.output, turn.merchant.url) : [];
    product = named ? found.find((item) => item.title.toLowerCase().includes(named.toLowerCase().split(' ')[0]!)) ?? found[0] : found[0];
  }
  if (!product && turn.state.lastProducts.length) {
    product = turn.state.lastProducts[pickProductIndex(text, turn.state.lastProducts.map((item) => item.title))];
  }
  if (!product) return answerPolicy(turn, text);
  // The full page text: search results carry a shortened description.
  if (turn.tools.has('get_product')) {
    const result = await turn.tools.call('get_product', { product_id: product.id });
    product = (result.ok ? readProducts([result.output], turn.merchant.url)[0] : undefined) ?? product;
  }
  const lower = text.toLowerCase();
  const variants = product.variants ?? [];
  const asked = variants.filter((title) => title.toLowerCase().split(/\s*\/\s*/).some((part) => part.length > 0 && lower.includes(part)));
  if (variants.length > 1 && (asked.length || /\b(come in|available in|sizes?|colou?rs?|options?|taille|tailles|couleurs?|existe)\b/.test(lower))) {
    // Options are catalog facts: list them from the product itself.
    say(turn, `${product.title}: ${variants.join(', ')} [1]`);
    turn.emit({ type: 'citations', citations: [{ n: 1, title: product.title, url: product.url ?? '' }] });
    const { description: _d, variants: _v, ...card } = product;
    turn.state.lastProducts = [card];
    return turn.emit({ type: 'product-cards', products: [card] });
  }
  const words = ATTRIBUTE_WORDS.find(([rx]) => rx.test(lower))?.[1] ?? lower.split(/\W+/).filter((word) => word.length > 4);
  const sentence = splitSentences((product.description ?? '').replace(/<[^>]+>/g, ' '))
    .find((candidate) => words.some((word) => ` ${candidate.toLowerCase()} `.includes(word)));
  if (!sentence) {
    turn.state.handoff = turn.state.handoff === 'none' ? 'offered' : turn.state.handoff;
    return sayKey(turn, 'product_unknown', { title: product.title });
  }
  sayKey(turn, 'product_fact', { title: product.title, sentence: `${sentence}` });
  say(turn, ' [1]');
  turn.emit({ type: 'citations', citations: [{ n: 1, title: product.title, url: product.url ?? '', snippet: sentence }] });
  const { description: _d, variants: _v, ...card } = product;
  turn.state.lastProducts = [card];
  turn.emit({ type: 'product-cards', products: [card] });
}

/** A buy button (or "I'll take the first one") opens a checkout; payment happens on the hosted page. */
export async function buy(turn: TurnContext, variantId: string | undefined, text: string): Promise<void> {
  const product = variantId
    ? turn.state.lastProducts.find((item) => item.variant_id === variantId) ?? { title: '', variant_id: variantId }
    : turn.state.lastProducts[pickProductIndex(text, turn.state.lastProducts.map((item) => item.title))];
  if (!product?.variant_id) return sayKey(turn, 'which_product');
  if (!turn.tools.has('create_checkout')) return unavailable(turn, { en: 'start a checkout', fr: 'créer une commande' });
  const result = await turn.tools.call(TOOL.createCheckout, checkoutInput(product.variant_id));
  const checkout = result.ok ? readCheckout(result.output) : null;
  if (!checkout) return sayKey(turn, 'action_failed', { summary: result.ok ? '' : result.error.message });
  sayKey(turn, 'checkout_ready', { title: product.title || product.variant_id });
  turn.emit({ type: 'checkout-created', checkout_id: checkout.id, continue_url: checkout.continueUrl, ...(checkout.total !== null ? { total: checkout.total } : {}), ...(checkout.currency ? { currency: checkout.currency } : {}) });
}

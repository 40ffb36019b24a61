/**
 * Deterministic intent detection and slot extraction, English and French. Patterns, not a model:
 * the offline brain must give the same answer every time, and an intent can only start a
 * conversation step — actions still need verification and an explicit confirmation.
 */
export type Intent =
  | 'greeting' | 'thanks' | 'human' | 'cancel' | 'return' | 'exchange' | 'order_status'
  | 'product_search' | 'product_question' | 'policy_question' | 'buy' | 'unknown';

const norm = (text: string) => text.toLowerCase().normalize('NFC').replace(/[’‘]/g, "'");

const RX = {
  greeting: /^\s*(hi|hello|hey|hiya|good (morning|afternoon|evening)|bonjour|salut|bonsoir|coucou|allo)\b[\s!.,]*(there|you)?[\s!.,]*$/,
  thanks: /^\s*(thanks?( you)?( so much| a lot)?|thx|cheers|great,? thanks|perfect|merci( beaucoup)?|parfait|super,? merci|bye|goodbye|au revoir)\b[\s!.,]*$/,
  human: /\b(human|real person|a person|someone (real|from your team)|live agent|an agent|support agent|representative|customer service|speak to (someone|somebody)|talk to (someone|somebody)|humain|conseill(er|ère)|une personne|quelqu'un|un agent|opérateur|service client)\b/,
  cancel: /\b(cancel|cancell?ation|annuler|annulez|annulation)\b/,
  exchange: /\b(exchange|swap|different size|another size|échanger|échange|changer de taille|autre taille)\b/,
  returnAction: /\b(return|send (it|them|this) back|retourner|renvoyer|retour|rembourse[rz]?|refund)\b/,
  status: /\b(where('s| is) my (order|package|parcel)|track(ing)?|order status|status of (my|the) order|when will (it|my order|my package) (arrive|come|ship)|has (it|my order) shipped|où (est|en est) (ma|mon) (commande|colis)|suivi|suivre|statut|état de (ma|la) commande|quand (vais-je|est-ce que je vais) recevoir)\b/,
  firstPerson: /\b(i want|i'd like|i would like|i need|please|can you|could you|help me|my order|my (boots|jacket|backpack|item|items|purchase)|for me|je veux|je voudrais|j'aimerais|je souhaite|pouvez-vous|ma commande|mon colis|mes articles)\b/,
  howQuestion: /\b(how (do|can|long|much|many)|what('s| is| are)|which|is there|are there|do you|can i|policy|policies|rules?|combien|comment|quel(le)?s?|est-ce que|puis-je|politique|conditions|délai)\b/,
  policyTopic: /\b(return|returns|refund|refunds|exchange|exchanges|shipping|ship|delivery|deliver|warranty|guarantee|gift cards?|store credit|discount|promo|codes?|customs|duties|international|pick ?up|store hours|open|hours|final sale|repair|repairs|loyalty|points|student|military|price (adjustment|match)|payment methods?|paypal|privacy|data|retours?|remboursements?|échanges?|livraison|expédition|garantie|carte[- ]cadeau|avoir|douane|réparation|paiement|horaires|magasin|confidentialité|window|days|jours)\b/,
  shopping: /\b(looking for|look for|searching for|i need an?|i want an?|recommend|suggest|show me|do you (have|sell|carry)|find me|shopping for|budget|cheap(er|est)?|under|less than|below|max|je cherche|avez-vous|vous avez|recommandez|montrez|moins de|pas cher|pour (la|le) (randonnée|camping)|un sac|une tente|une veste)\b/,
  productNoun: /\b(backpacks?|packs?|daypacks?|bags?|tents?|jackets?|boots?|shoes|sleeping bags?|stoves?|filters?|headlamps?|poles|gloves|hats?|pants|socks|fleece|pullover|shell|parka|duffel|tea|teas|sencha|teapot|kettle|mugs?|sacs?|tentes?|vestes?|chaussures|bottes|duvets?|réchaud|lampes?|gants|bonnets?|thé|thés|théière)(?![\p{L}])/u,
  productQuestion: /\b(does (it|this|that|the)|is (it|this|that|the)|are (they|these|the)|has (it|this)|will (it|this) fit|fit a|laptop sleeve|waterproof|weight|weigh|how (big|heavy|many liters)|capacity|material|est-ce qu'il|a-t-il|est-il|imperméable|poids|pèse|capacité|ordinateur|compartiment)\b/,
  buy: /\b(buy|purchase|i'll take|i will take|add to (cart|bag)|checkout|order (it|this|that|the first|one)|acheter|je (le|la|les) prends|commander)\b/,
};

export function detectIntent(raw: string, context: { hasProducts: boolean }): Intent {
  const text = norm(raw);
  if (RX.greeting.test(text)) return 'greeting';
  if (RX.thanks.test(text)) return 'thanks';
  if (RX.human.test(text)) return 'human';
  const orderRef = extractOrderNumber(raw) !== null;
  const personal = RX.firstPerson.test(text) || orderRef;
  const asksHow = RX.howQuestion.test(text) && !orderRef;
  if (RX.status.test(text) && !(asksHow && /\b(how long|combien de temps)\b/.test(text))) return 'order_status';
  if (RX.cancel.test(text) && (personal || !asksHow)) return 'cancel';
  if (RX.exchange.test(text) && personal && !asksHow) return 'exchange';
  if (RX.returnAction.test(text) && personal && !/\bhow\b|\bcomment\b|policy|politique/.test(text)) return 'return';
  if (context.hasProducts && RX.buy.test(text)) return 'buy';
  const budget = extractBudget(raw) !== null;
  const asking = text.includes('?') || /^(does|do|is|are|has|have|can|will|would|est-ce|a-t-il|a-t-elle|est-il|est-elle|fait-il|peut-on)\b/.test(text);
  if (RX.shopping.test(text) && (budget || /\b(looking for|je cherche|show me|recommend|find me|montrez)\b/.test(text)) && (RX.productNoun.test(text) || budget)) return 'product_search';
  if (asking && RX.productQuestion.test(text) && (context.hasProducts || RX.productNoun.test(text) || /[A-Z][a-z]+ \d{1,3}\b/.test(raw)) && !RX.policyTopic.test(text.replace(/waterproof|imperméable/g, ''))) return 'product_question';
  if (RX.policyTopic.test(text) && (asksHow || text.includes('?'))) return 'policy_question';
  if (RX.shopping.test(text) && (RX.productNoun.test(text) || budget)) return 'product_search';
  if (RX.productNoun.test(text) && (budget || text.split(/\s+/).length <= 8) && !text.includes('?')) return 'product_search';
  if (RX.productNoun.test(text) && RX.productQuestion.test(text)) return 'product_question';
  if (RX.policyTopic.test(text)) return 'policy_question';
  if (orderRef) return 'order_status';
  return 'unknown';
}

/** "under $150", "moins de 150 €", "max 150", "150$ budget" -> 15000 (minor units). */
export function extractBudget(raw: string): number | null {
  const text = norm(raw);
  const match = text.match(/(?:under|below|less than|max(?:imum)?|up to|no more than|budget(?: of| is)?|moins de|max|jusqu'à|pas plus de|budget de)\s*(?:[$€£]|ca\$|us\$)?\s*(\d{1,6}(?:[.,]\d{1,2})?)/)
    ?? text.match(/(?:[$€£])\s*(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:max|or less|budget)/)
    ?? text.match(/(\d{1,6}(?:[.,]\d{1,2})?)\s*(?:\$|€|dollars|euros|usd|cad)\s*(?:max|maximum|or less|budget|ou moins)/);
  if (!match?.[1]) return null;
  return Math.round(Number(match[1].replace(',', '.')) * 100);
}

// The demo catalogs are written in English; French product words are searched with their English twin.
const FR_TO_EN: Array<[RegExp, string]> = [
  [/\bsacs? à dos\b/g, 'backpack'], [/\bsacs?\b/g, 'bag'], [/\bvestes?\b/g, 'jacket'], [/\btentes?\b/g, 'tent'], [/\bimperméables?\b/g, 'waterproof'],
  [/\bchaussures\b/g, 'shoes'], [/\bbottes?\b/g, 'boots'], [/\bsacs? de couchage\b|\bduvets?\b/g, 'sleeping bag'], [/\bréchauds?\b/g, 'stove'],
  [/\blampes? frontales?\b/g, 'headlamp'], [/\bgants\b/g, 'gloves'], [/\bbonnets?\b/g, 'hat'], [/\bordinateur( portable)?\b/g, 'laptop'],
  [/\brandonnée\b/g, 'hiking'], [/\bchaud(e)?\b/g, 'warm'], [/\bléger|légère\b/g, 'lightweight'], [/\bpolaire\b/g, 'fleece'], [/\bthé vert\b/g, 'green tea'],
];

/** The words that describe the product, without budget and chatter, for search_products. */
export function productQuery(raw: string): string {
  let text = norm(raw);
  for (const [rx, english] of FR_TO_EN) text = text.replace(rx, english);
  return text
    .replace(/(?:under|below|less than|max(?:imum)?|up to|no more than|budget(?: of| is)?|moins de|jusqu'à|pas plus de|budget de)\s*(?:[$€£]|ca\$|us\$)?\s*\d+(?:[.,]\d+)?\s*(?:\$|€|dollars|euros)?/g, ' ')
    .replace(/\b(i'm|i am|looking for|look for|searching for|i need|i want|do you have|do you sell|can you|could you|recommend|suggest|show me|find me|please|some|something|a|an|the|any|je cherche|avez-vous|vous avez|un|une|des|s'il vous plaît|svp|me|moi)\b/g, ' ')
    .replace(/[?!.,$€]/g, ' ').replace(/\s+/g, ' ').trim();
}

export function extractEmail(raw: string): string | null {
  return raw.match(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/)?.[0]?.toLowerCase() ?? null;
}

/** Order numbers look like NW-10187, HL-1001 or AC-D0EAE88B3C: a short prefix, a dash, then letters and digits with at least one digit. */
export function extractOrderNumber(raw: string): string | null {
  return raw.match(/\b([A-Za-z]{1,4}-(?=[A-Za-z0-9]*\d)[A-Za-z0-9]{3,16})\b/)?.[1]?.toUpperCase() ?? null;
}

/** "Maya Lefebvre, 05401" / "je suis Léa Tremblay H2Y 1G5": a full name plus a postal code. */
export function extractNameAndPostal(raw: string): { firstName: string; lastName: string; postalCode: string } | null {
  const postal = raw.match(/\b([A-Za-z]\d[A-Za-z] ?\d[A-Za-z]\d|\d{5}(?:-\d{4})?)\b/)?.[1];
  if (!postal) return null;
  const name = raw.match(/(?:name is|i am|i'm|je suis|je m'appelle|nom est|^)\s*([A-ZÀ-Ý][\p{L}'-]+)\s+([A-ZÀ-Ý][\p{L}'-]+)/u);
  if (!name?.[1] || !name[2]) return null;
  return { firstName: name[1], lastName: name[2], postalCode: postal.toUpperCase() };
}

const YES = /^\s*(yes|yep|yeah|yup|y|ok|okay|sure|confirm(ed)?|go ahead|do it|please do|yes please|correct|that's right|oui|ouais|d'accord|dac|je confirme|confirmer|confirmé|vas-y|allez-y|oui merci|oui s'il vous plaît|c'est ça)\s*[.!]*\s*$/;
const NO = /^\s*(no|nope|nah|n|stop|don't|do not|never ?mind|cancel( it| that)?|non|annule[rz]?|pas maintenant|laisse tomber|non merci)\b/;

/** Only a short, plain yes counts: a "yes" buried in a long message may be injected text. */
export function isYes(raw: string): boolean { return raw.length <= 40 && YES.test(norm(raw)); }
export function isNo(raw: string): boolean { return raw.length <= 60 && NO.test(norm(raw)); }

export function cancelReason(raw: string): 'ordered_by_mistake' | 'no_longer_needed' {
  return /mistake|by accident|wrong|erreur|par erreur|trompé/.test(norm(raw)) ? 'ordered_by_mistake' : 'no_longer_needed';
}

/** Which earlier product card the shopper means: "the first one", "le deuxième", or a title word. */
export function pickProductIndex(raw: string, titles: string[]): number {
  const text = norm(raw);
  const ordinals: Array<[RegExp, number]> = [[/\b(first|1st|premier|première)\b/, 0], [/\b(second|2nd|deuxième|second)\b/, 1], [/\b(third|3rd|troisième)\b/, 2]];
  for (const [rx, index] of ordinals) if (rx.test(text) && index < titles.length) return index;
  const hit = titles.findIndex((title) => norm(title).split(/\s+/).some((word) => word.length > 3 && !/pack|backpack|jacket|the/.test(word) && text.includes(word)));
  return hit >= 0 ? hit : 0;
}

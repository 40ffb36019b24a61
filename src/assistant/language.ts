import type { Locale } from './types.ts';

const FRENCH = /\b(je|j'|mon|ma|mes|est|où|ou|commande|merci|bonjour|salut|retour|retourner|pour|avec|une|vous|suis|quel|quelle|quels|combien|livraison|remboursement|annuler|humain|conseiller|moins|des|du|le|la|les|un|sac|avez|cherche|voudrais|veux|pas|c'est|qu'|est-ce|puis-je|échanger|politique|délai|jours|oui|non|aide|parler|personne|s'il|svp|à)\b/gi;
const ENGLISH = /\b(the|my|is|where|order|please|thanks|thank|hi|hello|return|for|with|a|an|backpack|how|what|do|does|you|can|i|i'm|want|need|looking|under|cancel|human|person|yes|no|your|policy|days|have|it|me|to|of|and|ship)\b/gi;

/**
 * The shopper's language from their own words. Short or mixed messages keep the conversation's
 * current language, so a "ok" or an order number never flips it.
 */
export function detectLocale(text: string, current: Locale): Locale {
  const words = text.split(/\s+/).filter(Boolean).length;
  const fr = (text.match(FRENCH) ?? []).length + (/[éèêàùçôî]/i.test(text) ? 1 : 0);
  const en = (text.match(ENGLISH) ?? []).length;
  if (/^\s*(bonjour|salut|bonsoir|merci|oui|non|coucou)\b/i.test(text)) return 'fr';
  if (/^\s*(hi|hello|hey|thanks|thank you|yes|no)\b/i.test(text) && fr === 0) return 'en';
  if (words < 2 && fr + en < 2) return current;
  if (fr > en && fr >= 1) return 'fr';
  if (en > fr && en >= 1) return 'en';
  return current;
}

export function pickLocale(requested: string | undefined, supported: readonly string[]): Locale {
  const short = (requested ?? supported[0] ?? 'en').slice(0, 2).toLowerCase();
  return short === 'fr' ? 'fr' : 'en';
}

type Vars = Record<string, string | number>;
const MESSAGES: Record<string, { en: string; fr: string }> = {
  greeting: { en: 'Hi! I can help you find products at {merchant}, answer questions about our policies, and help with your orders. What can I do for you?', fr: 'Bonjour ! Je peux vous aider à trouver un produit chez {merchant}, répondre à vos questions sur nos conditions et vous aider avec vos commandes. Que puis-je faire pour vous ?' },
  thanks: { en: "You're welcome! Anything else I can help with?", fr: 'Avec plaisir ! Puis-je vous aider pour autre chose ?' },
  out_of_scope: { en: "I can only help with {merchant}'s products, orders, returns and store policies. Is there something along those lines I can do?", fr: "Je ne peux vous aider que pour les produits, commandes, retours et conditions de {merchant}. Puis-je faire quelque chose dans ce domaine ?" },
  dont_know: { en: "I don't know the answer to that from our help center, and I'd rather not guess. Would you like me to connect you with a person from our team?", fr: "Je ne trouve pas la réponse dans notre centre d'aide et je préfère ne pas deviner. Voulez-vous que je vous mette en relation avec une personne de notre équipe ?" },
  injection: { en: "I can't do that. I can help with products, your own orders once you've verified them, returns, or connect you with a person.", fr: "Je ne peux pas faire cela. Je peux vous aider pour les produits, vos propres commandes une fois vérifiées, les retours, ou vous mettre en relation avec une personne." },
  unavailable: { en: "Sorry, I can't {what} from this chat right now. You can reach our team at {email}, or I can connect you with a person.", fr: "Désolé, je ne peux pas {what} depuis ce chat pour le moment. Vous pouvez joindre notre équipe à {email}, ou je peux vous mettre en relation avec une personne." },
  products_found: { en: 'Here are some options{budget}:', fr: 'Voici quelques options{budget} :' },
  products_none: { en: "I couldn't find a product matching that{budget}. Could you describe it differently?", fr: "Je n'ai pas trouvé de produit correspondant{budget}. Pouvez-vous le décrire autrement ?" },
  budget: { en: ' under {amount}', fr: ' à moins de {amount}' },
  product_fact: { en: 'From the {title} product page: "{sentence}"', fr: 'Sur la fiche du produit {title} : « {sentence} »' },
  product_unknown: { en: "The {title} product page doesn't say, so I can't confirm that. Would you like me to ask a person from our team?", fr: 'La fiche du produit {title} ne le précise pas, je ne peux donc pas le confirmer. Voulez-vous que je pose la question à une personne de notre équipe ?' },
  ask_identity: { en: 'Sure. To look up your order, please give me your order number (it is in your confirmation email) and the email address you used.', fr: "Bien sûr. Pour retrouver votre commande, donnez-moi votre numéro de commande (il figure dans l'e-mail de confirmation) et l'adresse e-mail utilisée." },
  ask_email: { en: 'Thanks. And the email address on the order?', fr: "Merci. Et l'adresse e-mail de la commande ?" },
  ask_order: { en: 'Thanks. And the order number (it is in your confirmation email)?', fr: "Merci. Et le numéro de commande (il figure dans l'e-mail de confirmation) ?" },
  not_found: { en: "I couldn't find an order matching those details. Please check the order number and email address and try again.", fr: "Je n'ai pas trouvé de commande correspondant à ces informations. Vérifiez le numéro de commande et l'adresse e-mail, puis réessayez." },
  order_status: { en: 'Order {number} is {status}.', fr: 'La commande {number} est {status}.' },
  tracking: { en: ' It was sent with {carrier}, tracking number {tracking}.', fr: ' Elle a été expédiée par {carrier}, numéro de suivi {tracking}.' },
  eta: { en: ' Estimated delivery: {date}.', fr: ' Livraison estimée : {date}.' },
  delivered_on: { en: ' It was delivered on {date}.', fr: ' Elle a été livrée le {date}.' },
  ask_items: { en: 'Which items from order {number}? {items}', fr: 'Quels articles de la commande {number} ? {items}' },
  confirm_prompt: { en: 'Please confirm: {summary} Reply "yes" to go ahead or "no" to stop.', fr: 'Merci de confirmer : {summary} Répondez « oui » pour continuer ou « non » pour arrêter.' },
  action_cancelled: { en: "OK, I haven't changed anything.", fr: "D'accord, je n'ai rien modifié." },
  action_done: { en: 'Done. {summary}', fr: "C'est fait. {summary}" },
  action_held: { en: '{summary} A member of our team needs to approve this; they will get back to you.', fr: '{summary} Un membre de notre équipe doit valider cette demande ; il reviendra vers vous.' },
  action_refused: { en: "I can't do that: {summary}", fr: 'Je ne peux pas le faire : {summary}' },
  action_failed: { en: "That didn't work: {summary}", fr: "Cela n'a pas fonctionné : {summary}" },
  confirm_unclear: { en: 'I still need a clear "yes" or "no" for: {summary}', fr: "J'ai besoin d'un « oui » ou d'un « non » clair pour : {summary}" },
  handoff_requested: { en: "I've passed your conversation to our support team, with everything you told me, so you won't have to repeat yourself. Please hold on; a person will reply here.", fr: "J'ai transmis votre conversation à notre équipe, avec tout ce que vous m'avez dit : vous n'aurez pas à vous répéter. Merci de patienter, une personne va vous répondre ici." },
  handoff_waiting: { en: 'A person from our team has your conversation and will reply here shortly.', fr: 'Une personne de notre équipe a votre conversation et va vous répondre ici très bientôt.' },
  handoff_offer: { en: 'Would you like me to connect you with a person from our team?', fr: 'Voulez-vous que je vous mette en relation avec une personne de notre équipe ?' },
  checkout_ready: { en: 'Your checkout for {title} is ready. Open it to choose shipping and pay securely.', fr: 'Votre commande pour {title} est prête. Ouvrez-la pour choisir la livraison et payer en toute sécurité.' },
  which_product: { en: 'Which product would you like? Search first and press "Buy" on a card.', fr: 'Quel produit souhaitez-vous ? Lancez une recherche puis appuyez sur « Acheter » sur une fiche.' },
  other_order: { en: "I can only help with orders placed with the details you verified. For order {number}, please give me its own email address.", fr: "Je ne peux vous aider que pour les commandes liées aux informations vérifiées. Pour la commande {number}, donnez-moi l'adresse e-mail associée." },
};

export function t(locale: Locale, key: keyof typeof MESSAGES | string, vars: Vars = {}): string {
  const entry = MESSAGES[key];
  if (!entry) return key;
  return entry[locale].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

const STATUS: Record<string, { en: string; fr: string }> = {
  pending: { en: 'placed and waiting to be packed', fr: 'enregistrée et en attente de préparation' },
  processing: { en: 'being packed', fr: 'en cours de préparation' },
  shipped: { en: 'on its way', fr: 'en route' },
  delivered: { en: 'delivered', fr: 'livrée' },
  cancelled: { en: 'cancelled', fr: 'annulée' },
  return_requested: { en: 'awaiting your return (return requested)', fr: 'en attente de votre retour (retour demandé)' },
  exchange_requested: { en: 'awaiting your exchange (exchange requested)', fr: "en attente de votre échange (échange demandé)" },
};

export function statusText(locale: Locale, status: string): string {
  return STATUS[status]?.[locale] ?? status.replace(/_/g, ' ');
}

export function formatMoneyFor(locale: Locale, minor: number, currency: string): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-CA' : 'en-US', { style: 'currency', currency }).format(minor / 100);
}

export function formatDate(locale: Locale, iso: string): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));
}

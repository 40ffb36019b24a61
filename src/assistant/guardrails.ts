/**
 * Guardrails both brains share. They are code, not prompt text: an injected instruction can
 * change what a model says, never what this file lets through.
 */
import type { Citation } from './types.ts';

const INJECTION = /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|rules?|prompts?|guidelines|polic(y|ies)|previous|above)\b|\b(system prompt|developer mode|admin mode|jailbreak|you are now|new instructions|act as (an? )?(admin|developer|system)|pretend (to be|you are)|reveal (your|the) (prompt|instructions)|dump|all (customers|orders|emails|users)|every (customer|order)|other customers?|someone else'?s (order|account)|oublie[zr]? (tes|vos|les|toutes)|ignore[zr]? (tes|vos|les|toutes)|mode (développeur|admin)|instructions système|tous les clients|toutes les commandes|autres clients)\b/i;

export function looksLikeInjection(text: string): boolean {
  return INJECTION.test(text);
}

/** Write tools run only with `confirm: true`, and only from a confirmed pending preview. */
export function isWriteTool(name: string, readOnly: boolean): boolean {
  return !readOnly && !['create_checkout', 'update_checkout', 'get_checkout', 'verify_customer'].includes(name);
}

const POLICY_CLAIM = /\b(\d+\s*(days?|jours|hours?|heures|business days|jours ouvrés)|refund|rembours|return window|délai|free shipping|livraison gratuite|warranty|garantie|final sale|policy|politique|store credit|avoir|exchange|échange|fee|frais|\$\s?\d|\d\s?\$|€)\b/i;

/** Sentences that state a rule or a number a shopper could hold the merchant to. */
export function policyClaims(text: string): string[] {
  return splitSentences(text).filter((sentence) => POLICY_CLAIM.test(sentence));
}

export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((sentence) => sentence.trim()).filter(Boolean);
}

/**
 * Grounding check for model answers: every policy claim must carry a [n] marker that points at a
 * passage retrieval actually returned in this turn. Returns the citations used, or null when the
 * answer must be replaced by "I don't know".
 */
export function checkGrounding(text: string, retrieved: Citation[]): { ok: true; used: Citation[] } | { ok: false; reason: string } {
  const claims = policyClaims(text);
  const used = new Map<number, Citation>();
  for (const claim of claims) {
    const markers = [...claim.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    if (markers.length === 0) return { ok: false, reason: `uncited policy statement: ${claim.slice(0, 80)}` };
    for (const marker of markers) {
      const citation = retrieved.find((item) => item.n === marker);
      if (!citation) return { ok: false, reason: `citation [${marker}] does not match a retrieved passage` };
      used.set(marker, citation);
    }
  }
  for (const match of text.matchAll(/\[(\d+)\]/g)) {
    const citation = retrieved.find((item) => item.n === Number(match[1]));
    if (citation) used.set(citation.n, citation);
    else return { ok: false, reason: `citation [${match[1]}] does not match a retrieved passage` };
  }
  return { ok: true, used: [...used.values()].sort((a, b) => a.n - b.n) };
}

/** Emails in text that are not the verified shopper's own are masked before anything is shown. */
export function maskForeignEmails(text: string, allowed: readonly string[]): string {
  return text.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (email) => (allowed.some((item) => item.toLowerCase() === email.toLowerCase()) ? email : '[email hidden]'));
}

/**
 * A model can be talked into saying "Done, I cancelled it" when nothing ran. A sentence that claims
 * a completed action passes only when a tool executed that kind of action in this turn; otherwise
 * the rest of the answer is dropped and replaced with what is really true (nothing changed).
 */

/** Phrasings that say an action already happened (English and French), whatever the action. */
const COMPLETED = new RegExp([
  // "Done" only as a verdict ("Done!", "it's done"), not as in "once done" or "can be done".
  String.raw`^\W*(done|all set|all done)\b|\b(it'?s|it is|that'?s|that is|all)\s+(done|taken care of|sorted)\b`,
  String.raw`\b(i|we)\s*('ve|'ll have| have| just| already)?\s*(just |already |now |successfully )?(cancell?ed|refunded|processed|changed|updated|modified|placed|issued|started|submitted|arranged|exchanged|returned|initiated|completed|booked|credited)\b`,
  String.raw`\b(has|have|had)\s+(now |just |already |successfully )?been\s+(cancell?ed|refunded|processed|changed|updated|modified|placed|issued|started|submitted|arranged|exchanged|returned|initiated|completed|credited)\b`,
  String.raw`\b(is|are)\s+now\s+(cancell?ed|refunded|changed|updated|placed|confirmed|on (its|their) way back)\b`,
  String.raw`\b(c'est fait|voilà qui est fait|c'est réglé|tout est en ordre)\b`,
  String.raw`\b(j'ai|nous avons|on a)\s+(bien |déjà |maintenant )?(annulé|remboursé|modifié|changé|mis à jour|effectué|lancé|passé|enregistré|traité|échangé|retourné|émis|validé)`,
  String.raw`\b(a|ont|avez|as)\s+(bien |déjà )?été\s+(annulée?s?|remboursée?s?|modifiée?s?|changée?s?|mise?s? à jour|effectuée?s?|lancée?s?|passée?s?|enregistrée?s?|traitée?s?|échangée?s?|retournée?s?|émise?s?|validée?s?|créditée?s?)`,
  String.raw`\b(est|sont)\s+(maintenant |désormais |bien )(annulée?s?|remboursée?s?|modifiée?s?|changée?s?|mise?s? à jour)`,
].join('|'), 'iu');

/** Which kind of action a sentence is about, and the tools that really perform it. */
const KINDS: Array<{ kind: string; words: RegExp; tools: string[] }> = [
  { kind: 'cancel', words: /cancel|annul/i, tools: ['cancel_order'] },
  { kind: 'refund', words: /refund|rembours|credit|crédit|money back/i, tools: ['cancel_order', 'return_items'] },
  { kind: 'return', words: /\breturn|retour|renvo/i, tools: ['return_items'] },
  { kind: 'exchange', words: /exchange|échang|swap/i, tools: ['exchange_items'] },
  { kind: 'address', words: /address|adresse|shipping to|livraison à/i, tools: ['update_address', 'change_address', 'update_order_address'] },
  { kind: 'order', words: /order (has been |was )?placed|placed (your|the) order|commande (a été )?passée|passé (votre|la) commande|purchase/i, tools: ['complete_checkout'] },
  { kind: 'handoff', words: /hand(ed)? (you )?(off|over)|passed (you|this) (on|to)|escalat|colleague|person|human|transmis|collègue|conseill/i, tools: ['escalate_to_human'] },
];

/** The action kinds a sentence claims as done, `['any']` for a bare "Done!", or [] when it claims nothing. */
export function claimedActions(sentence: string): string[] {
  if (!COMPLETED.test(sentence)) return [];
  const kinds = KINDS.filter((item) => item.words.test(sentence)).map((item) => item.kind);
  return kinds.length ? kinds : ['any'];
}

export class ActionClaimGuard {
  private readonly executed = new Set<string>();
  blocked: string | null = null;

  /** A tool that really changed something this turn (a write outcome that was not a preview). */
  record(tool: string): void { this.executed.add(tool); }

  /** True when the sentence may reach the shopper; the first false claim blocks the rest of the answer. */
  allows(sentence: string): boolean {
    if (this.blocked) return false;
    const claims = claimedActions(sentence);
    const unbacked = claims.find((kind) => (kind === 'any'
      ? this.executed.size === 0
      : !KINDS.find((item) => item.kind === kind)!.tools.some((tool) => this.executed.has(tool))));
    if (unbacked) this.blocked = `claimed ${unbacked} without an executed tool: ${sentence.slice(0, 80)}`;
    return !this.blocked;
  }
}

/** What the shopper reads instead of a false claim: the truth and the real next step. */
export function nothingChanged(locale: string, previewShown: boolean): string {
  if (locale === 'fr') {
    return previewShown
      ? 'Rien n\'a encore été modifié : confirmez l\'aperçu ci-dessus pour que la demande soit effectuée.'
      : 'Rien n\'a été modifié sur votre commande. Pour annuler, retourner, échanger ou changer l\'adresse, donnez-moi le numéro de commande et l\'e-mail : je vous montrerai un aperçu à confirmer.';
  }
  return previewShown
    ? 'Nothing has been changed yet: confirm the preview above and it will go ahead.'
    : 'Nothing has been changed on your order. To cancel, return, exchange or change the address, give me your order number and email and I will show you a preview to confirm.';
}

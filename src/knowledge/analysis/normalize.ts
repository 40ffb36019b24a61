/**
 * Text normalisation shared by every index: accents are folded so "remboursé" and "rembourse"
 * (and a shopper who types without accents) meet, case is dropped, and words are split on
 * anything that is not a letter or digit.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/œ/g, 'oe').replace(/æ/g, 'ae');
}

/** Words of folded text. Elided French articles (l', d', qu') are dropped with their apostrophe. */
export function words(text: string): string[] {
  return fold(text)
    .replace(/\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

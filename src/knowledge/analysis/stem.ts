/**
 * Light stemmers (suffix stripping on folded words). Aggressive stemmers hurt precision on short
 * help-center passages; these only merge inflections a shopper actually varies: plurals, verb
 * tenses, -ment/-ation nouns. Each runs on one locale's words so French rules never mangle English.
 */
const DOUBLE = /(bb|dd|ff|gg|mm|nn|pp|rr|tt)$/;

export function stemEn(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let stem = word;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2);
  else if (/(ches|shes|xes|zes)$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  for (const suffix of ['ing', 'ed']) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length);
      if (suffix === 'ied') stem += 'y';
      if (DOUBLE.test(stem) && !stem.endsWith('ll') && !stem.endsWith('ss')) stem = stem.slice(0, -1);
      break;
    }
  }
  if (stem.endsWith('ied') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  if (stem.endsWith('ly') && stem.length > 5) stem = stem.slice(0, -2);
  if (stem.endsWith('ery') && stem.length > 5) stem = stem.slice(0, -1);
  if (stem.endsWith('y') && stem.length > 4) stem = `${stem.slice(0, -1)}i`;
  if (stem.endsWith('e') && stem.length > 4) stem = stem.slice(0, -1);
  return stem;
}

const FR_NOUN = ['issements', 'issement', 'ements', 'ement', 'ments', 'ment', 'ations', 'ation', 'itions', 'ition', 'aisons', 'aison',
  'ateurs', 'ateur', 'atrices', 'atrice', 'ances', 'ance', 'ences', 'ence', 'ables', 'able', 'euses', 'euse', 'eux', 'ites', 'ite'];
const FR_VERB = ['erions', 'eriez', 'erons', 'eront', 'erais', 'erait', 'erai', 'eras', 'era', 'iez', 'ions', 'ons', 'ant', 'ent', 'ez', 'er', 'ees', 'ee', 'es', 'e', 'ir', 'is', 'it', 'ie', 'ies'];

export function stemFr(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  let stem = word;
  if (/[sx]$/.test(stem) && stem.length > 4) stem = stem.slice(0, -1);
  for (const suffix of FR_NOUN) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 3) {
      stem = stem.slice(0, -suffix.length);
      return stem;
    }
  }
  for (const suffix of FR_VERB) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= 4) return stem.slice(0, -suffix.length);
  }
  return stem;
}

/**
 * Shoppers ask in French (and in everyday words) for a catalog written in English. Each phrase
 * here adds the catalog's word to the query; the merchant's own synonyms from merchant.yaml are
 * added on top by the service.
 */
const BUILT_IN: Array<[string, string]> = [
  ['sac a dos', 'backpack'], ['sac de couchage', 'sleeping bag'], ['tente', 'tent'], ['veste', 'jacket'],
  ['impermeable', 'waterproof rain'], ['etanche', 'waterproof'], ['chaussure', 'shoe boot'], ['botte', 'boot'],
  ['chaussette', 'sock'], ['lampe frontale', 'headlamp'], ['baton', 'trekking pole'], ['gourde', 'bottle'],
  ['filtre', 'filter'], ['rechaud', 'stove'], ['casserole', 'cookware pot'], ['polaire', 'fleece'],
  ['sous-vetement', 'base layer'], ['ordinateur portable', 'laptop'], ['ordinateur', 'laptop'], ['pochette', 'sleeve'],
  ['randonnee', 'hiking'], ['femme', 'women'], ['homme', 'men'], ['enfant', 'kids'], ['carte cadeau', 'gift card'],
  ['day pack', 'daypack'], ['rucksack', 'backpack'], ['knapsack', 'backpack'], ['raincoat', 'rain jacket'],
  ['flashlight', 'headlamp'], ['torch', 'headlamp'], ['notebook computer', 'laptop'], ['computer', 'laptop'],
];

const fold = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

export function expandQuery(query: string, merchantSynonyms: readonly (readonly string[])[] = []): string {
  const folded = ` ${fold(query).replace(/[^a-z0-9-]+/g, ' ')} `;
  const additions: string[] = [];
  for (const [phrase, words] of BUILT_IN) {
    if (folded.includes(` ${phrase} `) || folded.includes(` ${phrase}s `)) additions.push(words);
  }
  for (const group of merchantSynonyms) {
    const folds = group.map(fold);
    if (folds.some((term) => folded.includes(` ${term} `))) additions.push(folds.join(' '));
  }
  return additions.length ? `${query} ${additions.join(' ')}` : query;
}

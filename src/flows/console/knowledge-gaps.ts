/**
 * Clusters the questions the assistant could not answer, so a merchant sees "12 × do you ship to
 * Iceland?" rather than 12 rows. Offline and deterministic: content words (English and French
 * stopwords removed, plurals folded) and a greedy single pass joining a question to the cluster
 * whose keywords it overlaps most. Good enough to say which article to write next.
 */
export interface QuestionCluster {
  /** The most typical question of the cluster (the one sharing most words with the others). */
  label: string;
  count: number;
  keywords: string[];
  examples: string[];
}

const STOPWORDS = new Set(`a an the and or but if of to in on at for from by with about into over under is are was were be been being
do does did doing have has had i you he she it we they me my your our their this that these those what which who whom whose when where
why how can could would should will shall may might must there here not no yes any some all just also than then so very too more most
please hi hello thanks thank get got im ive dont cant want need know tell us
le la les un une des du de d l et ou mais si au aux en dans sur pour par avec est sont etre ai as a avez ont je tu il elle nous vous
ils elles me mon ma mes ton ta tes son sa ses notre votre leur ce cet cette ces quel quelle quels quelles qui que quoi comment pourquoi
ou quand combien ne pas plus tres bonjour merci svp peux pouvez puis faire fait`.split(/\s+/));

export function keywordsOf(question: string): string[] {
  const words = question.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').split(' ');
  const kept = words.filter((word) => word.length > 1 && !STOPWORDS.has(word)).map(stem);
  return [...new Set(kept)];
}

/** Just enough folding for rephrasings to meet: tents -> tent, shipping -> ship. */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) {
    const base = word.slice(0, -3);
    return /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base;
  }
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

function overlap(a: ReadonlySet<string>, b: readonly string[]): number {
  if (a.size === 0 || b.length === 0) return 0;
  const shared = b.filter((word) => a.has(word)).length;
  return shared / Math.min(a.size, b.length);
}

export function clusterQuestions(questions: readonly string[], threshold = 0.5): QuestionCluster[] {
  const clusters: Array<{ words: Map<string, number>; members: Array<{ text: string; keywords: string[] }> }> = [];
  for (const text of questions) {
    const keywords = keywordsOf(text);
    let best: (typeof clusters)[number] | undefined;
    let bestScore = 0;
    for (const cluster of clusters) {
      // Compare with the cluster's recurring words, so one odd member does not attract strangers.
      const core = new Set([...cluster.words].filter(([, count]) => count * 2 >= cluster.members.length).map(([word]) => word));
      const score = overlap(core, keywords);
      if (score > bestScore) [best, bestScore] = [cluster, score];
    }
    if (!best || bestScore < threshold) clusters.push(best = { words: new Map(), members: [] });
    best.members.push({ text, keywords });
    for (const word of keywords) best.words.set(word, (best.words.get(word) ?? 0) + 1);
  }
  return clusters.map((cluster) => {
    const recurring = [...cluster.words].filter(([, count]) => cluster.members.length === 1 || count * 2 >= cluster.members.length);
    const keywords = recurring.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4).map(([word]) => word);
    const typical = [...cluster.members].sort((a, b) => score(b.keywords) - score(a.keywords) || a.text.length - b.text.length)[0]!;
    function score(words: string[]) { return words.reduce((sum, word) => sum + (cluster.words.get(word) ?? 0), 0) / Math.max(1, words.length); }
    const examples = [...new Set(cluster.members.map((member) => member.text))].slice(0, 5);
    return { label: typical.text, count: cluster.members.length, keywords, examples };
  }).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

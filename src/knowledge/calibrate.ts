/** One labelled question scored by the search: `answerable` is the truth, `confidence` what search said. */
export interface ScoredQuestion { answerable: boolean; confidence: number }

export interface Answerability {
  threshold: number;
  unanswerable_recognised: number;
  answerable_refused: number;
  precision: number;
  recall: number;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/** "Not answerable" as the positive class: precision and recall of refusing, and how many answerable ones were refused. */
export function answerability(rows: readonly ScoredQuestion[], threshold: number): Answerability {
  const refused = (row: ScoredQuestion) => row.confidence < threshold;
  const unanswerable = rows.filter((row) => !row.answerable);
  const answerable = rows.filter((row) => row.answerable);
  const truePositive = unanswerable.filter(refused).length;
  const falsePositive = answerable.filter(refused).length;
  return {
    threshold: round(threshold),
    unanswerable_recognised: round(truePositive / Math.max(unanswerable.length, 1)),
    answerable_refused: round(falsePositive / Math.max(answerable.length, 1)),
    precision: round(truePositive / Math.max(truePositive + falsePositive, 1)),
    recall: round(truePositive / Math.max(unanswerable.length, 1)),
  };
}

/**
 * The answerability threshold for one help center: the highest recognition of unanswerable
 * questions while refusing under `maxRefused` of answerable ones (ties: the lower threshold).
 * Confidence depends on how much of shoppers' vocabulary the merchant's documents use, so a
 * 30-article help center needs a lower threshold than a 60-article one.
 */
export function calibrateThreshold(rows: readonly ScoredQuestion[], maxRefused = 0.05): number {
  const candidates = [...new Set(rows.map((row) => row.confidence))].sort((left, right) => left - right);
  let best = { threshold: 0, score: -Infinity };
  for (const value of candidates) {
    const threshold = value + 1e-9;
    const result = answerability(rows, threshold);
    const score = result.answerable_refused < maxRefused ? result.unanswerable_recognised - result.answerable_refused : -1 - result.answerable_refused;
    if (score > best.score) best = { threshold, score };
  }
  return round(best.threshold);
}

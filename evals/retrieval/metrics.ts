import { answerability as scoreAnswerability, calibrateThreshold, type Answerability } from '../../src/knowledge/index.ts';
import type { Question } from './dataset.ts';

export type { Answerability };

export interface Ranked { question: Question; docs: string[]; confidence: number }

export interface Metrics { questions: number; recall_at_1: number; recall_at_5: number; mrr: number; ndcg_at_10: number }

/**
 * Ranking metrics over distinct documents. A question may list several acceptable articles;
 * recall@k counts a question as found when one of them is in the top k (hit rate), MRR uses
 * the first relevant rank, nDCG@10 uses binary gains over all listed articles.
 */
export function rankingMetrics(rows: readonly Ranked[]): Metrics {
  const answerable = rows.filter((row) => row.question.answerable);
  let r1 = 0, r5 = 0, mrr = 0, ndcg = 0;
  for (const { question, docs } of answerable) {
    const relevant = new Set(question.relevant);
    const first = docs.findIndex((doc) => relevant.has(doc));
    if (first === 0) r1++;
    if (first >= 0 && first < 5) r5++;
    if (first >= 0) mrr += 1 / (first + 1);
    let dcg = 0;
    docs.slice(0, 10).forEach((doc, index) => { if (relevant.has(doc)) dcg += 1 / Math.log2(index + 2); });
    let ideal = 0;
    for (let index = 0; index < Math.min(relevant.size, 10); index++) ideal += 1 / Math.log2(index + 2);
    ndcg += dcg / ideal;
  }
  const n = Math.max(answerable.length, 1);
  const round = (value: number) => Math.round((value / n) * 1000) / 1000;
  return { questions: answerable.length, recall_at_1: round(r1), recall_at_5: round(r5), mrr: round(mrr), ndcg_at_10: round(ndcg) };
}

/** Calibration lives in the product (`shopkeeper calibrate`); the eval uses the same code. */
export function answerability(rows: readonly Ranked[], threshold: number): Answerability {
  return scoreAnswerability(rows.map(scored), threshold);
}

export function calibrate(rows: readonly Ranked[]): number {
  return calibrateThreshold(rows.map(scored));
}

const scored = (row: Ranked) => ({ answerable: row.question.answerable, confidence: row.confidence });

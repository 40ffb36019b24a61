import { analyze } from '../analysis/analyzer.ts';
import type { Chunk } from '../types-index.ts';

export interface Conflict {
  kept: { doc_id: string; title: string; url: string; updated: string | null };
  superseded: { doc_id: string; title: string; url: string; updated: string | null };
  reason: string;
}

/** Figures by unit ("d" -> {30, 45}) from "30 days", "45 jours", "$25", "10%". */
function figures(text: string): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const match of text.matchAll(/(\$|€|£)?\s?(\d+(?:[.,]\d+)?)\s?(%|days?|jours?|weeks?|semaines?|months?|mois|hours?|heures?)?\b/gi)) {
    const unit = match[1] ? '$' : match[3] ? match[3].toLowerCase().replace(/^jour.*/, 'd').replace(/^semaine.*/, 'w').replace(/^heure.*/, 'h').replace(/^mois$/, 'm').slice(0, 1) : null;
    if (!unit) continue;
    if (!found.has(unit)) found.set(unit, new Set());
    found.get(unit)!.add(match[2]!.replace(',', '.'));
  }
  return found;
}

/** Both documents give figures in the same unit ("days") and the older one has figures the newer lacks. */
function disagree(older: string, newer: string): string | null {
  const [a, b] = [figures(older), figures(newer)];
  for (const [unit, values] of a) {
    const current = b.get(unit);
    if (!current) continue;
    const stale = [...values].filter((value) => !current.has(value));
    if (stale.length > 0) return unit;
  }
  return null;
}

function topicOverlap(left: Chunk, right: Chunk): number {
  const a = new Set(analyze(`${left.heading_path.join(' ')} ${left.text}`, left.locale));
  const b = new Set(analyze(`${right.heading_path.join(' ')} ${right.text}`, right.locale));
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.max(1, Math.min(a.size, b.size));
}

const DAY = 86_400_000;

/**
 * The freshness rule. Two retrieved articles conflict when they belong to the same help-center
 * section and locale, their passages are about the same thing, one is older by at least
 * `minAgeDays`, and the older states figures (days, amounts, percentages) the newer does not.
 * The newer one is ranked above the older and the conflict is reported, so answers cite the
 * current policy and can mention that an older one exists. Articles written weeks apart on
 * related topics (labels vs. refunds) are not treated as rewrites of each other.
 */
export function detectConflicts(ranked: readonly Chunk[], documentText: (docId: string, locale: string) => string, minOverlap = 0.2, minAgeDays = 90): { order: Chunk[]; conflicts: Conflict[] } {
  const order = [...ranked];
  const conflicts: Conflict[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) {
      const [a, b] = [order[i]!, order[j]!];
      if (a.doc_id === b.doc_id || a.kind !== 'article' || b.kind !== 'article' || a.locale !== b.locale || a.section !== b.section) continue;
      if (!a.updated || !b.updated) continue;
      const [newer, older] = a.updated > b.updated ? [a, b] : [b, a];
      if (Date.parse(newer.updated!) - Date.parse(older.updated!) < minAgeDays * DAY) continue;
      const key = `${older.doc_id}|${newer.doc_id}`;
      // One conflict per superseded article: the best-ranked newer one is the one to cite.
      if (seen.has(key) || seen.has(older.doc_id) || topicOverlap(a, b) < minOverlap) continue;
      const unit = disagree(documentText(older.doc_id, older.locale), documentText(newer.doc_id, newer.locale));
      if (!unit) continue;
      seen.add(key);
      seen.add(older.doc_id);
      conflicts.push({
        kept: { doc_id: newer.doc_id, title: newer.title, url: newer.url, updated: newer.updated },
        superseded: { doc_id: older.doc_id, title: older.title, url: older.url, updated: older.updated },
        reason: `"${older.title}" (updated ${older.updated}) gives different figures than the newer "${newer.title}" (updated ${newer.updated}); the newer article applies.`,
      });
      if (older === a) {
        order.splice(j, 1);
        order.splice(i, 0, newer);
      }
    }
  }
  // A superseded article is reported as a conflict, never offered as an answer: its passages
  // leave the ranking so nothing downstream can quote an outdated rule.
  const superseded = new Set(conflicts.map((conflict) => `${conflict.superseded.doc_id}`));
  return { order: order.filter((chunk) => !(chunk.kind === 'article' && superseded.has(chunk.doc_id))), conflicts };
}

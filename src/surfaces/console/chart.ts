import { escapeHtml, raw, type SafeHtml } from './html.ts';

/**
 * Inline SVG charts (no chart library, no CDN). Colours come from classes in console.css so the
 * strict Content-Security-Policy (no inline styles) still holds. Each chart has a <title> and a
 * <desc> for screen readers, and the page prints the same numbers as a table.
 */
export function dailyChart(days: Array<{ day: string; conversations: number; escalations: number }>): SafeHtml {
  const width = 720;
  const height = 220;
  const pad = { left: 36, right: 8, top: 12, bottom: 28 };
  const max = Math.max(1, ...days.map((day) => day.conversations));
  const step = (width - pad.left - pad.right) / Math.max(1, days.length);
  const bar = Math.max(2, step * 0.7);
  const y = (value: number) => pad.top + (height - pad.top - pad.bottom) * (1 - value / max);
  const parts: string[] = [];
  for (const tick of [0, Math.round(max / 2), max]) {
    parts.push(`<line class="grid" x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}"/><text class="axis" x="${pad.left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  days.forEach((day, index) => {
    const x = pad.left + index * step + (step - bar) / 2;
    parts.push(`<g><title>${escapeHtml(day.day)}: ${day.conversations} conversations, ${day.escalations} escalated</title>`
      + `<rect class="bar-resolved" x="${x.toFixed(1)}" y="${y(day.conversations).toFixed(1)}" width="${bar.toFixed(1)}" height="${(y(day.escalations) - y(day.conversations)).toFixed(1)}"/>`
      + `<rect class="bar-escalated" x="${x.toFixed(1)}" y="${y(day.escalations).toFixed(1)}" width="${bar.toFixed(1)}" height="${(y(0) - y(day.escalations)).toFixed(1)}"/></g>`);
    if (index % Math.ceil(days.length / 8) === 0) parts.push(`<text class="axis" x="${(x + bar / 2).toFixed(1)}" y="${height - 8}" text-anchor="middle">${escapeHtml(day.day.slice(5))}</text>`);
  });
  const total = days.reduce((sum, day) => sum + day.conversations, 0);
  return raw(`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="daily-title daily-desc"><title id="daily-title">Conversations per day</title>`
    + `<desc id="daily-desc">${total} conversations over ${days.length} days; the darker part of each bar was escalated to a human.</desc>${parts.join('')}</svg>`);
}

/** Horizontal bars for counts by label (escalation reasons, knowledge gaps). */
export function barList(id: string, title: string, items: Array<{ label: string; count: number }>): SafeHtml {
  const rowHeight = 26;
  const width = 720;
  const labelWidth = 300;
  const max = Math.max(1, ...items.map((item) => item.count));
  const rows = items.map((item, index) => {
    const y = index * rowHeight;
    const length = ((width - labelWidth - 50) * item.count) / max;
    const text = item.label.length > 46 ? `${item.label.slice(0, 45)}…` : item.label;
    return `<g><title>${escapeHtml(item.label)}: ${item.count}</title><text class="label" x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escapeHtml(text)}</text>`
      + `<rect class="bar-count" x="${labelWidth}" y="${y + 5}" width="${Math.max(2, length).toFixed(1)}" height="${rowHeight - 10}"/>`
      + `<text class="value" x="${(labelWidth + length + 6).toFixed(1)}" y="${y + 17}">${item.count}</text></g>`;
  });
  return raw(`<svg class="chart" viewBox="0 0 ${width} ${Math.max(rowHeight, items.length * rowHeight)}" role="img" aria-labelledby="${id}-title"><title id="${id}-title">${escapeHtml(title)}</title>${rows.join('')}</svg>`);
}

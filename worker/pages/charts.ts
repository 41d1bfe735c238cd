/**
 * Light inline SVG charts for the report page: no script, no library, a few hundred bytes each.
 * Each chart is decorative for assistive technology (`aria-hidden`): the same numbers always sit
 * in a table next to it, which is what screen readers read. Everything goes through hono/html.
 */
import { html } from "hono/html";

export interface Bar {
  label: string;
  value: number;
  /** Highlighted bar (e.g. the correct choice). */
  strong?: boolean;
}

const width = 600;
const height = 180;
const axis = 22;

/** Vertical bars with the value above each and the label under it. */
export function barChart(bars: readonly Bar[], options: { caption: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length > 0 ? (width - 8) / bars.length : width;
  const barWidth = Math.max(2, Math.min(56, slot * 0.7));
  const plot = height - axis - 16;
  return html`<figure class="chart">
    <svg viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">
      <line x1="0" y1="${height - axis}" x2="${width}" y2="${height - axis}" class="axis" />
      ${bars.map((bar, i) => {
        const h = Math.round((bar.value / max) * plot);
        const x = 4 + i * slot + (slot - barWidth) / 2;
        const y = height - axis - h;
        const cx = x + barWidth / 2;
        return html`<rect x="${x.toFixed(1)}" y="${y}" width="${barWidth.toFixed(1)}" height="${h}" class="${bar.strong ? "bar strong" : "bar"}" />
          <text x="${cx.toFixed(1)}" y="${y - 4}" text-anchor="middle" class="value">${bar.value}</text>
          ${bars.length <= 31 ? html`<text x="${cx.toFixed(1)}" y="${height - 6}" text-anchor="middle" class="label">${bar.label}</text>` : ""}`;
      })}
    </svg>
    <figcaption>${options.caption}</figcaption>
  </figure>`;
}

/** A thin horizontal meter for a share between 0 and 1 (facility, choice shares). */
export function meter(share: number | null) {
  const pct = share === null ? 0 : Math.max(0, Math.min(1, share)) * 100;
  return html`<svg class="meter" viewBox="0 0 100 8" width="100" height="8" aria-hidden="true" focusable="false"><rect x="0" y="0" width="100" height="8" class="track" /><rect x="0" y="0" width="${pct.toFixed(1)}" height="8" class="fill" /></svg>`;
}

/** Styles for the charts, shared by the report page. */
export const chartStyle = `
  .chart { margin: 1rem 0; }
  .chart svg { display: block; max-width: min(100%, 40rem); height: auto; }
  .chart figcaption { font-size: .9rem; color: var(--muted); }
  .chart .axis { stroke: currentColor; stroke-width: 1; opacity: .4; }
  .chart .bar { fill: #5b7fb8; }
  .chart .bar.strong { fill: #2f7d4f; }
  .chart text { fill: currentColor; font: 12px system-ui, sans-serif; }
  .meter .track { fill: color-mix(in srgb, currentColor 12%, transparent); }
  .meter .fill { fill: #5b7fb8; }
`;

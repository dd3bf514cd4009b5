// The timeline chart: one line per series over the periods of an /api/timeline answer, drawn as
// SVG through the DOM (no library, nothing loaded at run time, no style attribute: colours come
// from the stylesheet's .series-N classes). Each period is a column that can be clicked; its
// <title> tells every series' value there. The same numbers are in the view's table for keyboards
// and screen readers (timeline_view.js).

import { formatCount, plural } from './dom.js';
import { formatDate, formatPeriod } from './dates.js';

const SVG = 'http://www.w3.org/2000/svg';
const MARGIN = { top: 12, right: 14, bottom: 26, left: 46 };
const HEIGHT = 220;
const LABEL_WIDTH = 58;   // room for one x-axis label ("Sep 2013") in pixels
const MIN_DOT_SPACING = 9; // pixels per period below which the lines go without dots

const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

/** A share (0..1) for people: "12.5%". */
export const formatShare = (share) => percent.format(share);

/** A period key ("2013", "2013-02") for people: "2013", "February 2013". */
export const periodLabel = (key) => formatPeriod(key);

/** What one series has in one period: "camp — 2013: 4 matches, 50% of all articles". */
export function describeValue(name, timeline, seriesIndex, periodIndex) {
  const s = timeline.series[seriesIndex];
  return `${name} — ${periodLabel(timeline.periods[periodIndex])}: ${plural(s.counts[periodIndex], 'match', 'matches')}, ` +
    `${formatShare(s.shares[periodIndex])} of all articles`;
}

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) el.append(child);
  return el;
}

const title = (text) => svg('title', {}, text);

// Round numbers for the y axis: a step of 1, 2 or 5 times a power of ten, about `count` steps up
// to at least `max`. Counts get whole steps.
function ticks(max, count, whole) {
  if (max <= 0) return [0, whole ? 1 : 0.01];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  if (whole) step = Math.max(1, Math.round(step));
  const out = [];
  for (let v = 0; v < max + step / 2; v += step) out.push(v);
  if (out[out.length - 1] < max) out.push(out[out.length - 1] + step);
  return out;
}

/**
 * Draw `timeline` (an /api/timeline answer) into `container`, replacing what was there.
 * @param {object} opts
 *   share: draw the shares of all articles instead of the counts,
 *   names: the series' names for people, in series order,
 *   onSelect(periodKey): a period's column was clicked,
 *   width: pixels (default: the container's width).
 * @returns {SVGSVGElement} the chart
 */
export function renderTimelineChart(container, timeline, { share = false, names = [], onSelect, width } = {}) {
  const w = Math.max(240, Math.round(width || container.clientWidth || 640));
  const plot = { x: MARGIN.left, y: MARGIN.top, w: w - MARGIN.left - MARGIN.right, h: HEIGHT - MARGIN.top - MARGIN.bottom };
  const values = timeline.series.map((s) => (share ? s.shares : s.counts));
  const max = Math.max(0, ...values.flat());
  const yTicks = ticks(max, 4, !share);
  const top = yTicks[yTicks.length - 1];
  const n = timeline.periods.length;
  const step = plot.w / Math.max(1, n);
  const xAt = (i) => plot.x + step * (i + 0.5);
  const yAt = (v) => plot.y + plot.h - (top ? (v / top) * plot.h : 0);
  const unit = timeline.interval === 'year' ? 'year' : 'month';

  const chart = svg('svg', {
    class: 'timeline-svg', width: w, height: HEIGHT, viewBox: `0 0 ${w} ${HEIGHT}`, role: 'img',
    'aria-label': n
      ? `Line chart of ${share ? 'shares of all articles' : 'matches'} per ${unit}, ` +
        `${periodLabel(timeline.periods[0])} to ${periodLabel(timeline.periods[n - 1])}; the numbers are in the table`
      : 'An empty chart: there is no dated article in this period',
  });

  // Grid and y axis.
  const grid = svg('g', { class: 'timeline-grid', 'aria-hidden': 'true' });
  for (const v of yTicks) {
    const y = yAt(v);
    grid.append(svg('line', { x1: plot.x, x2: plot.x + plot.w, y1: y, y2: y }));
    grid.append(svg('text', { x: plot.x - 6, y: y + 4, 'text-anchor': 'end' }, share ? formatShare(v) : formatCount(v)));
  }
  chart.append(grid);

  // The periods: clickable columns under the lines, labelled every few on the x axis.
  const columns = svg('g', { class: 'timeline-columns' });
  const labels = svg('g', { class: 'timeline-labels', 'aria-hidden': 'true' });
  const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(plot.w / LABEL_WIDTH))));
  timeline.periods.forEach((key, i) => {
    const tip = [periodLabel(key), ...timeline.series.map((s, si) =>
      `${names[si] ?? s.q}: ${share ? formatShare(s.shares[i]) : formatCount(s.counts[i])}`)].join('\n');
    const column = svg('rect', {
      class: 'timeline-column', x: plot.x + step * i, y: plot.y, width: step, height: plot.h,
      'data-period': key,
    }, title(tip));
    column.addEventListener('click', () => onSelect?.(key));
    columns.append(column);
    if (i % every === 0) {
      labels.append(svg('text', { x: xAt(i), y: plot.y + plot.h + 17, 'text-anchor': 'middle' },
        unit === 'year' ? key : formatDate(key)));
    }
  });
  chart.append(columns, labels);

  // One line per series, with a dot per period while they fit (the table has every number anyway).
  const dots = n === 1 || step >= MIN_DOT_SPACING;
  values.forEach((vs, si) => {
    const group = svg('g', { class: `timeline-series series-${si}`, 'data-series': si });
    const d = vs.map((v, i) => `${i ? 'L' : 'M'}${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}`).join('');
    if (n > 1) group.append(svg('path', { class: 'timeline-line', d }));
    if (dots) {
      vs.forEach((v, i) => group.append(svg('circle', { class: 'timeline-point', cx: xAt(i), cy: yAt(v), r: 3.5 },
        title(describeValue(names[si] ?? timeline.series[si].q, timeline, si, i)))));
    }
    chart.append(group);
  });
  chart.append(svg('line', { class: 'timeline-axis', x1: plot.x, x2: plot.x + plot.w, y1: plot.y + plot.h, y2: plot.y + plot.h }));

  container.replaceChildren(chart);
  return chart;
}

// The date histogram: bars by year, or by month when the matches span one or two years.
// A bar is a button ("2013: 25 articles"); activating it filters to its period, Shift extends
// the current period to it, and a drag across bars selects a range. Arrow keys move between bars.

import { h, plural } from './dom.js';
import { monthKey, monthName, parseBound, formatRange } from './dates.js';

const MAX_MONTH_MODE_YEARS = 2;

/**
 * The bins to draw from the year and month facets: {mode: 'year'|'month', bins: [{key, count, label}]}.
 * Months when the date filter [from, to] spans one or two calendar years (those years' months), or,
 * without a filter, when the matches do; years otherwise. Gaps are filled with empty bins, so the
 * axis is continuous.
 */
export function histogramBins(facets, from = '', to = '') {
  const years = (facets.year || []).map((f) => Number.parseInt(f.value, 10)).filter(Number.isFinite);
  if (!years.length) return { mode: 'year', bins: [] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  if (from || to) {
    const lo = from ? parseBound(from)?.year ?? first : first;
    const hi = to ? parseBound(to)?.year ?? last : last;
    if (lo <= hi && hi - lo < MAX_MONTH_MODE_YEARS) return { mode: 'month', bins: monthBins(facets, lo, hi) };
  } else if (last - first < MAX_MONTH_MODE_YEARS) {
    return { mode: 'month', bins: monthBins(facets, first, last) };
  }
  const counts = new Map(facets.year.map((f) => [f.value, f.count]));
  const bins = [];
  for (let y = first; y <= last; y++) bins.push({ key: String(y), count: counts.get(String(y)) || 0, label: String(y) });
  return { mode: 'year', bins };
}

function monthBins(facets, firstYear, lastYear) {
  const counts = new Map((facets.month || []).map((f) => [f.value, f.count]));
  const bins = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (let m = 1; m <= 12; m++) {
      const key = monthKey(y, m);
      bins.push({ key, count: counts.get(key) || 0, label: `${monthName(m)} ${y}` });
    }
  }
  return bins;
}

// A bin key ("2013" or "2013-02") as a comparable [start, end] pair of "YYYY-MM-DD" strings.
function span(key) {
  const b = parseBound(key);
  if (!b) return null;
  if (!b.month) return [`${b.year}-01-01`, `${b.year}-12-31`];
  const m = monthKey(b.year, b.month);
  if (!b.day) return [`${m}-01`, `${m}-31`];
  return [key, key];
}

/** True when the period `key` lies inside the filter [from, to] (open ends allowed). */
export function binInRange(key, from, to) {
  if (!from && !to) return false;
  const k = span(key);
  const lo = from ? span(from) : null;
  const hi = to ? span(to) : null;
  if (!k) return false;
  return (!lo || k[0] >= lo[0]) && (!hi || k[1] <= hi[1]);
}

/** The filter for a run of bins from `a` to `b` (keys, either order); whole years become years. */
export function rangeFor(a, b) {
  let [from, to] = a <= b ? [a, b] : [b, a];
  if (from.length === 7 && to.length === 7 && from.endsWith('-01') && to.endsWith('-12')) {
    from = from.slice(0, 4);
    to = to.slice(0, 4);
  }
  return { from, to };
}

/**
 * Draw the histogram into `container`.
 * @param {object} opts {facets, from, to, onSelect({from, to}), readout: element, heading: element}
 *   `facets` should be counted without the date filter [from, to], so that the bars around the
 *   selected period keep their counts and can be chosen or added (Shift) too.
 * @returns {'year'|'month'|null} the mode drawn, or null when there is no dated match.
 */
export function renderHistogram(container, { facets, from, to, onSelect, readout, heading }) {
  const { mode, bins } = histogramBins(facets, from, to);
  container.replaceChildren();
  if (!bins.length) {
    heading.textContent = 'Articles over time';
    readout.textContent = '';
    return null;
  }
  heading.textContent = mode === 'month' ? 'Articles per month' : 'Articles per year';
  const filtered = !!(from || to);
  const { row, buttons } = drawBars(bins, mode, filtered ? { from, to } : null, heading.textContent);
  container.append(row);

  const idle = filtered
    ? `Showing ${formatRange(from, to)}`
    : `Click a bar to filter, or drag across bars${mode === 'month' ? '' : ' for a range'}`;
  readout.textContent = idle;
  const readouts = {
    show: (i) => { readout.textContent = `${bins[i].label} · ${plural(bins[i].count, 'article')}`; },
    reset: () => { readout.textContent = idle; },
  };
  const select = (i, extend) => {
    const key = bins[i].key;
    if (extend && filtered) onSelect(extendRange(from, to, key));
    else if (bins[i].count) onSelect(rangeFor(key, key));
  };
  attachPointer(row, buttons, bins, { select, onSelect, readouts });
  attachKeyboard(row, buttons, readouts);
  return mode;
}

// The bars: buttons named "2013: 25 articles", pressed when inside the date filter, with a tick
// label under each (every year up to 12 labels, or the initial of each month).
function drawBars(bins, mode, filter, label) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const labelEvery = mode === 'month' ? 1 : Math.ceil(bins.length / 12);
  const row = h('div', {
    class: `bars bars-${mode}`,
    attrs: { role: 'group', 'aria-label': label, 'aria-describedby': 'timeline-help' },
  });
  const buttons = bins.map((bin, index) => {
    const selected = !!filter && binInRange(bin.key, filter.from, filter.to);
    const name = `${bin.label}: ${plural(bin.count, 'article')}`;
    const bar = h('button', {
      type: 'button',
      class: `bar${bin.count ? '' : ' empty'}${selected ? ' selected' : ''}`,
      title: name,
      tabIndex: -1,
      attrs: { 'aria-label': name, 'aria-pressed': filter ? String(selected) : false, 'aria-disabled': !bin.count && 'true' },
      dataset: { index: String(index) },
    }, h('span', { class: 'bar-fill', attrs: { 'aria-hidden': 'true' } }));
    // The height through CSSOM (allowed by the page's style-src 'self'), never a style attribute.
    bar.style.setProperty('--v', String(bin.count / max));
    let tick = '';
    if (mode === 'month') {
      const month = Number.parseInt(bin.key.slice(5), 10);
      tick = month === 1 ? bin.key.slice(0, 4) : monthName(month).slice(0, 1);
    } else if (index % labelEvery === 0) tick = bin.key;
    const minor = mode === 'month' && !bin.key.endsWith('-01');
    row.append(h('div', { class: 'bin' }, bar, h('span', { class: minor ? 'tick minor' : 'tick', attrs: { 'aria-hidden': 'true' } }, tick)));
    return bar;
  });
  // One tab stop (arrow keys move along): the first selected bar with articles, else the tallest.
  let stop = buttons.findIndex((b, i) => b.classList.contains('selected') && bins[i].count > 0);
  if (stop < 0) stop = bins.reduce((best, b, i) => (b.count > bins[best].count ? i : best), 0);
  buttons[stop].tabIndex = 0;
  return { row, buttons };
}

/** The filter [from, to] grown to take in the period `key`; an open end stays open. */
export function extendRange(from, to, key) {
  const k = span(key);
  return {
    from: !from || span(from)[0] <= k[0] ? from : key,
    to: !to || span(to)[1] >= k[1] ? to : key,
  };
}

// Mouse, pen and touch: a click selects one bar (the 'click' event, which keyboards and assistive
// technology send too); a press on one bar and a release on another selects the run between.
function attachPointer(row, buttons, bins, { select, onSelect, readouts }) {
  let anchor = null;
  let current = null;
  let suppressClick = false;
  const indexAt = (clientX) => {
    let found = 0;
    buttons.forEach((b, i) => { if (clientX >= b.getBoundingClientRect().left) found = i; });
    return found;
  };
  const paint = () => {
    const dragging = anchor !== null && anchor !== current;
    const [lo, hi] = dragging ? [Math.min(anchor, current), Math.max(anchor, current)] : [-1, -1];
    buttons.forEach((b, i) => b.classList.toggle('selecting', i >= lo && i <= hi));
  };
  const barIndex = (e) => {
    const bar = e.target.closest('.bar');
    return bar ? Number(bar.dataset.index) : null;
  };
  row.addEventListener('pointerdown', (e) => {
    if (e.button === 0) anchor = current = barIndex(e);
  });
  row.addEventListener('pointermove', (e) => {
    if (anchor !== null && e.buttons === 0) anchor = current = null; // released outside
    if (anchor === null) {
      const i = barIndex(e);
      if (i !== null) readouts.show(i);
      return;
    }
    current = indexAt(e.clientX);
    // Once the pointer leaves the first bar, keep receiving its events wherever it goes.
    if (current !== anchor && !row.hasPointerCapture(e.pointerId)) row.setPointerCapture(e.pointerId);
    readouts.show(current);
    paint();
  });
  const finish = (e) => {
    if (anchor === null) return;
    const [a, b] = [anchor, current];
    anchor = current = null;
    paint();
    if (row.hasPointerCapture(e.pointerId)) row.releasePointerCapture(e.pointerId);
    if (e.type === 'pointerup' && a !== b) {
      suppressClick = true;
      setTimeout(() => { suppressClick = false; }, 0);
      onSelect(rangeFor(bins[a].key, bins[b].key));
    }
  };
  row.addEventListener('pointerup', finish);
  row.addEventListener('pointercancel', finish);
  row.addEventListener('pointerleave', () => { if (anchor === null) readouts.reset(); });
  row.addEventListener('click', (e) => {
    const i = barIndex(e);
    if (i !== null && !suppressClick) select(i, e.shiftKey);
  });
}

// Keyboard: arrows, Home and End move the focus along the bars (Enter and Space click).
function attachKeyboard(row, buttons, readouts) {
  row.addEventListener('focusin', (e) => {
    const bar = e.target.closest('.bar');
    if (bar) readouts.show(Number(bar.dataset.index));
  });
  row.addEventListener('focusout', readouts.reset);
  row.addEventListener('keydown', (e) => {
    const bar = e.target.closest('.bar');
    if (!bar) return;
    const i = Number(bar.dataset.index);
    const moves = { ArrowLeft: i - 1, ArrowDown: i - 1, ArrowRight: i + 1, ArrowUp: i + 1, Home: 0, End: buttons.length - 1 };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(buttons.length - 1, moves[e.key]));
    buttons[i].tabIndex = -1;
    buttons[next].tabIndex = 0;
    buttons[next].focus();
  });
}

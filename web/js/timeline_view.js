// The timeline view of the search page: matches per month or year of the search query (with its
// filters) and of up to three queries to compare, from GET /api/timeline. It draws the chart
// (timeline.js), the legend, the table of the same numbers, the notes (undated matches, inexact
// counts, forgiven query problems) and errors; its controls change the URL state
// (timeline_state.js) through `navigate`, like every other control of the page.

import * as api from './api.js';
import { h, replaceChildren, formatCount, plural } from './dom.js';
import { errorMessage } from './results.js';
import { renderTimelineChart, formatShare, periodLabel } from './timeline.js';
import { MAX_SERIES, timelineQueries } from './timeline_state.js';

// Without an interval in the URL: months when the axis spans this many years or fewer, else years.
const MONTHS_UP_TO_YEARS = 3;
const CACHE_SIZE = 20;

const seriesName = (q) => q || 'All articles';

/**
 * The view over the static elements of index.html (section#timeline-view).
 * @param {object} opts navigate(changes, navOpts): go to the state with `changes`; retry(): draw again.
 * @returns {{show(state, signal): Promise<void>}} show() draws `state` and never rejects.
 */
export function createTimelineView(opts) {
  const $ = (id) => document.getElementById(id);
  const els = {
    toggle: $('timeline-view-toggle'), body: $('timeline-view-body'),
    interval: $('timeline-interval'), share: $('timeline-share'),
    compareForm: $('timeline-compare-form'), compareInput: $('timeline-compare-input'), compareError: $('timeline-compare-error'),
    legend: $('timeline-legend'), chart: $('timeline-chart'), notes: $('timeline-view-notes'),
    message: $('timeline-view-message'), numbers: $('timeline-numbers'), table: $('timeline-table'),
  };
  const cache = new Map();
  let current = null;   // the state drawn last
  let drawn = null;     // {answer, state} of the chart on screen, to redraw it at a new width

  const fetchTimeline = async (params, signal) => {
    const key = params.toString();
    if (!cache.has(key)) {
      cache.set(key, await api.timeline(params, signal));
      if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
    }
    return cache.get(key);
  };

  // The answer for `state`; without an interval in the URL, years first, then months if few.
  async function load(state, signal) {
    const params = new URLSearchParams();
    for (const q of timelineQueries(state)) params.append('q', q);
    for (const c of state.categories) params.append('category', c);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    if (state.op !== 'and') params.set('op', state.op);
    const withInterval = (interval) => { const p = new URLSearchParams(params); p.set('interval', interval); return p; };
    if (state.interval) return fetchTimeline(withInterval(state.interval), signal);
    const years = await fetchTimeline(withInterval('year'), signal);
    if (years.periods.length > MONTHS_UP_TO_YEARS) return years;
    return fetchTimeline(withInterval('month'), signal);
  }

  async function show(state, signal) {
    current = state;
    els.toggle.setAttribute('aria-expanded', String(state.timeline));
    els.body.hidden = !state.timeline;
    els.compareError.hidden = true;
    if (!state.timeline) {
      drawn = null;
      els.chart.replaceChildren(); // nothing to lay out or to read while closed
      return;
    }
    setRadio(els.share, state.share ? 'shares' : 'counts');
    const queries = timelineQueries(state);
    try {
      const answer = await load(state, signal);
      if (signal.aborted) return;
      setRadio(els.interval, answer.interval);
      els.message.replaceChildren();
      drawLegend(queries, answer);
      drawn = { answer, state };
      drawChart();
      drawTable(answer, queries, state.share);
      drawNotes(answer, queries);
    } catch (err) {
      if (err.name === 'AbortError' || signal.aborted) return;
      drawn = null;
      setRadio(els.interval, state.interval);
      drawLegend(queries, null);
      els.chart.replaceChildren();
      els.table.replaceChildren();
      els.notes.replaceChildren();
      // The API does not say which of the queries it refused: mark the place only when there is one.
      replaceChildren(els.message, errorMessage(err, () => { cache.clear(); opts.retry(); }, queries.length === 1 ? queries[0] : ''));
    }
  }

  function drawChart() {
    if (!drawn) return;
    const names = timelineQueries(drawn.state).map(seriesName);
    renderTimelineChart(els.chart, drawn.answer, {
      share: drawn.state.share, names, onSelect: selectPeriod, width: els.chart.clientWidth,
    });
  }

  // A period of the chart or the table filters the results to it, as a bar of the histogram does.
  const selectPeriod = (key) => opts.navigate({ from: key, to: key }, { focus: 'results' });

  function drawLegend(queries, answer) {
    els.legend.replaceChildren(...queries.map((q, i) => h('li', { class: 'timeline-legend-entry' },
      h('span', { class: `timeline-swatch series-${i}`, attrs: { 'aria-hidden': 'true' } }),
      h('span', { class: 'timeline-series-name', text: seriesName(q) }),
      i === 0 ? h('span', { class: 'timeline-series-role', text: 'the search' }) : null,
      answer ? h('span', { class: 'timeline-series-total', text: plural(answer.series[i].total, 'match', 'matches') }) : null,
      i > 0 ? h('button', {
        type: 'button', class: 'link-button', text: 'Remove',
        attrs: { 'aria-label': `Remove “${q}” from the chart` },
        on: { click: () => { opts.navigate({ compare: current.compare.filter((c) => c !== q) }); els.compareInput.focus(); } },
      }) : null)));
  }

  function drawTable(answer, queries, share) {
    const unit = answer.interval === 'year' ? 'year' : 'month';
    const cell = (s, i) => (share ? formatShare(s.shares[i]) : formatCount(s.counts[i]));
    els.table.replaceChildren(
      h('caption', { text: `${share ? 'Shares of all articles' : 'Matches'} per ${unit}` }),
      h('thead', {}, h('tr', {},
        h('th', { attrs: { scope: 'col' }, text: 'Period' }),
        queries.map((q) => h('th', { attrs: { scope: 'col' }, text: seriesName(q) })),
        h('th', { attrs: { scope: 'col' }, text: 'All articles' }))),
      h('tbody', {}, answer.periods.map((key, i) => h('tr', { dataset: { period: key } },
        h('th', { attrs: { scope: 'row' } }, h('button', {
          type: 'button', class: 'link-button', text: periodLabel(key),
          title: `Show the results of ${periodLabel(key)}`,
          on: { click: () => selectPeriod(key) },
        })),
        answer.series.map((s) => h('td', { text: cell(s, i) })),
        h('td', { text: formatCount(answer.articles[i]) })))));
  }

  function drawNotes(answer, queries) {
    const notes = [];
    answer.series.forEach((s, i) => {
      if (!s.undated) return;
      const text = `${plural(s.undated, 'undated match', 'undated matches')} ${s.undated === 1 ? 'is' : 'are'} not on the chart.`;
      notes.push(queries.length > 1 ? `“${seriesName(queries[i])}”: ${text}` : text.replace(/^./, (c) => c.toUpperCase()));
    });
    if (answer.exact === false) notes.push('Counting took too long and stopped early: the counts are too low.');
    for (const w of answer.warnings || []) notes.push(`Note: ${w}`);
    els.notes.replaceChildren(...notes.map((text) => h('p', { text })));
  }

  // ---- controls (static in index.html: they keep the focus while the view is redrawn) ----

  els.toggle.addEventListener('click', () => opts.navigate({ timeline: !current.timeline }));
  els.interval.addEventListener('change', (e) => opts.navigate({ interval: e.target.value }));
  els.share.addEventListener('change', (e) => opts.navigate({ share: e.target.value === 'shares' }));
  els.compareForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = els.compareInput.value.trim();
    const queries = timelineQueries(current);
    let problem = '';
    if (!q) problem = 'Type a query to compare with.';
    else if (queries.includes(q)) problem = `“${q}” is already on the chart.`;
    else if (queries.length >= MAX_SERIES) problem = `At most ${MAX_SERIES} queries fit on one chart. Remove one to add “${q}”.`;
    els.compareError.textContent = problem;
    els.compareError.hidden = !problem;
    if (problem) {
      els.compareInput.focus();
      return;
    }
    els.compareInput.value = '';
    opts.navigate({ compare: [...current.compare, q] });
  });

  // The chart is drawn at the width it has, so its text keeps its size on any screen.
  let width = 0;
  new ResizeObserver(() => {
    const now = els.chart.clientWidth;
    if (now === width) return;
    width = now;
    requestAnimationFrame(drawChart); // not inside the observer's callback: no resize loop
  }).observe(els.chart);

  return { show };
}

function setRadio(group, value) {
  for (const radio of group.querySelectorAll('input')) radio.checked = radio.value === value;
}

// The search page: keeps the whole state in the URL, asks searchd's API, draws the views.
// State flows one way: an action builds a new state -> navigate() puts it in the URL
// (pushState) -> render() draws it. Back/forward (popstate) and reloads go through render() too.

import * as api from './api.js';
import { h, replaceChildren, plural, opensElsewhere } from './dom.js';
import { isDateBound, parseBound } from './dates.js';
import { parseState, searchParams, resultParams, stateUrl, withChanges, hasFilters, EMPTY_STATE } from './state.js';
import { renderStatus, renderHits, renderChips, renderNotices, renderPagination, noResults, errorMessage, pageCount } from './results.js';
import { renderCategories } from './facets.js';
import { renderHistogram } from './histogram.js';
import { renderArticle } from './article.js';
import { attachSuggest } from './suggest.js';
import { renderSimilar } from './similar.js';
import { renderExportLinks } from './export.js';
import { kwicParams, kwicSummary, renderKwic, renderViewTabs } from './kwic.js';
import { createTimelineView } from './timeline_view.js';

const TYPING_DELAY_MS = 250;
const CACHE_SIZE = 30;

const $ = (id) => document.getElementById(id);
const els = {
  form: $('search-form'), input: $('q'), suggestions: $('suggestions'), home: $('home-link'),
  layout: $('layout'), filters: $('filters'), filtersToggle: $('filters-toggle'), filtersCount: $('filters-toggle-count'),
  categoryList: $('category-list'), categoryMore: $('category-more'),
  dateForm: $('date-form'), dateFrom: $('date-from'), dateTo: $('date-to'), dateError: $('date-error'),
  searchView: $('search-view'), resultsHeading: $('results-heading'),
  timeline: $('timeline'), timelineHeading: $('timeline-heading'), timelineReadout: $('timeline-readout'),
  timelineReset: $('timeline-reset'), timelineNote: $('timeline-note'), histogram: $('histogram'),
  status: $('status'), opControl: $('op-control'), sort: $('sort'),
  chips: $('chips'), notices: $('notices'), results: $('results'), pagination: $('pagination'),
  articleView: $('article-view'),
  viewTabs: $('view-tabs'), kwic: $('kwic'),
};

const exportLinks = { csv: $('export-csv'), jsonl: $('export-jsonl'), feed: $('feed-link'), alternate: $('feed-alternate') };

let state = parseState(location.search);
// The timeline view (timeline_view.js) draws beside the results; its controls change the URL state too.
const timelineView = createTimelineView({
  navigate: (changes, opts) => navigate(withChanges(state, changes), opts),
  retry: () => render({}),
});
let typing = false;            // the current history entry was made by typing: replace it, don't stack
let typingTimer = 0;
let typingPending = false;     // a keystroke waits for its search
let inFlight = false;          // a request is running
let generation = 0;            // answers to older renders are dropped
let controller = null;
let categoriesExpanded = false;
let lastOpenedDoc = '';        // to give focus back to its link when returning to the results
let shownView = '';            // 'search' or 'article': what the page shows now
const cache = new Map();       // API query string -> search answer

history.scrollRestoration = 'manual';

// ---- navigation --------------------------------------------------------------------------

/**
 * Go to `next`: a new history entry (or replace the current one), then draw it.
 * opts: replace, fromTyping (leave the search box alone), focus ('results' | 'article' | 'chips'),
 *       openedFromResults (the article view can go back with history.back()).
 */
function navigate(next, opts = {}) {
  history.replaceState({ ...(history.state || {}), scrollY: window.scrollY }, '');
  const entry = { openedFromResults: !!opts.openedFromResults };
  if (opts.replace) history.replaceState(entry, '', stateUrl(next));
  else history.pushState(entry, '', stateUrl(next));
  if (!opts.fromTyping) typing = false;
  state = next;
  render(opts);
}

window.addEventListener('popstate', (e) => {
  stopTyping();
  typing = false;
  state = parseState(location.search);
  render({ restoreScroll: e.state && typeof e.state.scrollY === 'number' ? e.state.scrollY : 0, popped: true });
});

function render(opts = {}) {
  const view = state.doc ? 'article' : 'search';
  const options = { ...opts, fromArticle: shownView === 'article' && view === 'search' };
  shownView = view;
  document.documentElement.dataset.view = view;
  syncControls(options);
  renderExportLinks(exportLinks, state);
  return view === 'article' ? showArticle(options) : showSearch(options);
}

// The form controls show the state (after back/forward, a reload, a chip...).
function syncControls(opts) {
  if (!opts.fromTyping && els.input.value.trim() !== state.q) els.input.value = state.q;
  els.sort.value = state.sort;
  for (const radio of els.opControl.querySelectorAll('input')) radio.checked = radio.value === state.op;
  els.opControl.hidden = !state.q || state.view === 'kwic'; // how words combine matters only with words, not to a phrase
  els.dateFrom.value = state.from;
  els.dateTo.value = state.to;
  els.dateError.hidden = true;
  const active = state.categories.length + (state.from || state.to ? 1 : 0);
  els.filtersCount.textContent = active ? `(${active} active)` : '';
  document.title = state.q ? `${state.q} — News archive search` : 'News archive search';
}

// ---- the search view ---------------------------------------------------------------------

async function cachedSearch(params, signal) {
  const key = params.toString();
  if (cache.has(key)) return cache.get(key);
  const answer = await api.search(params, signal);
  cache.set(key, answer);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
  return answer;
}

async function showSearch(opts) {
  els.layout.classList.remove('reading');
  els.articleView.hidden = true;
  els.searchView.hidden = false;
  els.filters.hidden = false;
  const gen = ++generation;
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  busy(true);
  const timelineDrawn = timelineView.show(state, signal);

  // Facets of a filter are counted without that filter, so that every category stays listed
  // with what it would add ("any of them"), and the timeline keeps the periods around the
  // selected one. Those searches ask for one hit only.
  const facetSearch = (changes) => {
    const params = searchParams({ ...state, ...changes, page: 1 });
    params.set('size', '1');
    return cachedSearch(params, signal).catch((err) => {
      if (err.name === 'AbortError') throw err;
      return null; // the filtered counts will do
    });
  };
  // In the "In context" view the page counts lines: the articles' search stays on its first page.
  const inContext = state.view === 'kwic' && !!state.q;
  try {
    const [response, withoutCategories, withoutDates, lines] = await Promise.all([
      cachedSearch(resultParams(inContext ? { ...state, page: 1 } : state), signal),
      state.categories.length ? facetSearch({ categories: [] }) : null,
      state.from || state.to ? facetSearch({ from: '', to: '' }) : null,
      inContext ? api.kwic(kwicParams(state), signal) : null,
    ]);
    if (gen !== generation) return;
    drawSearch(response, withoutCategories || response, withoutDates || response, opts, lines);
  } catch (err) {
    if (err.name === 'AbortError' || gen !== generation) return;
    drawSearchError(err, opts);
  } finally {
    await timelineDrawn; // ready once the timeline view is drawn too
    if (gen === generation) busy(false);
  }
}

function drawSearch(response, categoryCounts, dateCounts, opts, lines = null) {
  renderStatus(els.status, state, response);
  renderChips(els.chips, state, navigate);
  renderNotices(els.notices, state, response, (next, o) => navigate(next, { ...o, focus: 'results' }));
  if (!state.q && !hasFilters(state) && state.page === 1) els.notices.prepend(intro(response));

  drawCategories(categoryCounts.facets?.category || []);
  drawTimeline(dateCounts);
  renderViewTabs(els.viewTabs, state, navigate);
  els.kwic.hidden = !lines;
  if (lines) {
    drawKwic(lines);
    afterDraw(opts);
    return;
  }

  if (response.hits.length) {
    renderHits(els.results, response, {
      linkTo: (hit) => stateUrl({ ...state, doc: hit.id }),
      onOpen: (e, hit) => {
        if (opensElsewhere(e)) return;
        e.preventDefault();
        lastOpenedDoc = hit.id;
        navigate({ ...state, doc: hit.id }, { focus: 'article', openedFromResults: true });
      },
      linkToVersions: (hit) => stateUrl(withChanges(state, { version_group: hit.version_group })),
      onOpenVersions: (e, hit) => {
        if (opensElsewhere(e)) return;
        e.preventDefault();
        navigate(withChanges(state, { version_group: hit.version_group }), { focus: 'results' });
      },
    });
  } else {
    els.results.replaceChildren();
    els.notices.append(response.total > 0 ? pastTheEnd(response) : noResults(state, navigate));
  }
  renderPagination(els.pagination, state, response, navigate);
  afterDraw(opts);
}

function drawKwic(answer) {
  replaceChildren(els.status, h('span', { class: 'status-count', text: kwicSummary(state, answer) }));
  els.results.replaceChildren();
  els.pagination.hidden = true;
  renderKwic(els.kwic, answer, state, {
    linkTo: (line) => stateUrl({ ...state, doc: line.id }),
    onOpen: (e, line) => {
      if (opensElsewhere(e)) return;
      e.preventDefault();
      lastOpenedDoc = line.id;
      navigate({ ...state, doc: line.id }, { focus: 'article', openedFromResults: true });
    },
    navigate,
  });
}

function drawCategories(values) {
  renderCategories({ list: els.categoryList, more: els.categoryMore }, values, state.categories,
    (categories) => navigate(withChanges(state, { categories })), {
      expanded: categoriesExpanded,
      onToggleMore: () => {
        categoriesExpanded = !categoriesExpanded;
        drawCategories(values);
      },
    });
}

function drawTimeline(response) {
  const facets = response.facets || {};
  const mode = renderHistogram(els.histogram, {
    facets, from: state.from, to: state.to,
    readout: els.timelineReadout, heading: els.timelineHeading,
    onSelect: ({ from, to }) => navigate(withChanges(state, { from, to }), { focus: 'timeline' }),
  });
  els.timelineReset.hidden = !(state.from || state.to);
  const notes = [];
  if (mode === null) notes.push(response.total ? 'None of these articles has a date.' : '');
  const dated = (facets.year || []).reduce((sum, f) => sum + f.count, 0);
  if (mode !== null && !state.from && !state.to && response.total_exact && response.facets_exact !== false && response.total > dated) {
    notes.push(`${plural(response.total - dated, 'undated article')} not shown here.`);
  }
  if (response.facets_exact === false) notes.push('Counts are estimates.');
  els.timelineNote.textContent = notes.filter(Boolean).join(' ');
  els.timeline.hidden = mode === null && !response.total;
}

function intro(response) {
  return h('div', { class: 'intro' },
    h('p', { class: 'intro-lede' }, `Search ${plural(response.total, 'article')} by words, phrases, people and places.`),
    h('p', { class: 'intro-more' },
      'Narrow by category on the side, or by period on the timeline: click a bar, or drag across several. ',
      'Below are the newest articles.'));
}

function pastTheEnd(response) {
  const last = pageCount(response);
  const target = withChanges(state, { page: last });
  return h('div', { class: 'message empty-results' },
    h('h2', { text: `There is no page ${state.page}` }),
    h('p', {}, 'The results end on ', h('a', {
      href: stateUrl(target), text: `page ${last}`,
      on: { click: (e) => { e.preventDefault(); navigate(target, { focus: 'results' }); } },
    }), '.'));
}

function drawSearchError(err, opts) {
  replaceChildren(els.status, err instanceof api.ApiError && err.status === 400 ? 'The search could not run.' : 'The search failed.');
  renderChips(els.chips, state, navigate);
  replaceChildren(els.notices, errorMessage(err, () => { cache.clear(); render({}); }, state.q));
  els.results.replaceChildren();
  els.pagination.hidden = true;
  els.timeline.hidden = true;
  els.kwic.hidden = true;
  renderViewTabs(els.viewTabs, state, navigate);
  afterDraw(opts);
}

// Focus and scroll after a view is drawn, so keyboard and screen-reader users land somewhere sensible.
function afterDraw(opts) {
  if (opts.popped) window.scrollTo(0, opts.restoreScroll || 0);
  if (opts.focus === 'results') {
    els.resultsHeading.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  } else if (opts.focus === 'timeline') {
    const bar = els.histogram.querySelector('.bar[tabindex="0"]');
    if (bar) bar.focus({ preventScroll: true });
  } else if (opts.focus === 'chips') {
    const target = els.chips.hidden ? els.resultsHeading : els.chips.querySelector('button');
    target.focus({ preventScroll: true });
  } else if (opts.fromArticle) {
    const link = lastOpenedDoc && els.searchView.querySelector(`a[data-doc-id="${CSS.escape(lastOpenedDoc)}"]`);
    if (link) link.focus({ preventScroll: !!opts.popped }); // a popped entry has its own scroll
  }
}

// <html data-ready="true"> once what the URL says is drawn (tests and tools wait for it).
function updateReady() {
  document.documentElement.dataset.ready = String(!inFlight && !typingPending);
}

function busy(on) {
  inFlight = on;
  updateReady();
  els.results.setAttribute('aria-busy', String(on));
  clearTimeout(busy.timer);
  if (on) busy.timer = setTimeout(() => document.body.classList.add('loading'), 150);
  else document.body.classList.remove('loading');
}

// ---- the article view --------------------------------------------------------------------

async function showArticle(opts) {
  els.layout.classList.add('reading');
  els.searchView.hidden = true;
  els.filters.hidden = true;
  els.articleView.hidden = false;
  const gen = ++generation;
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  busy(true);
  const back = { ...state, doc: '' };
  const onBack = (e) => {
    e.preventDefault();
    if (history.state && history.state.openedFromResults) history.back();
    else navigate(back);
  };
  try {
    const doc = await api.article(state.doc, state.q, signal);
    if (gen !== generation) return;
    lastOpenedDoc = doc.id;
    const title = renderArticle(els.articleView, doc, {
      backHref: stateUrl(back), backLabel: backLabel(), onBack,
      categoryHref: (c) => stateUrl({ ...EMPTY_STATE, categories: [c] }),
      onCategory: (e, c) => { e.preventDefault(); navigate({ ...EMPTY_STATE, categories: [c] }, { focus: 'results' }); },
    });
    document.title = `${doc.title || 'Article'} — News archive search`;
    showSimilar(doc.id, signal);
    if (opts.popped) window.scrollTo(0, opts.restoreScroll || 0);
    else window.scrollTo(0, 0);
    if (opts.focus === 'article') title.focus({ preventScroll: true });
  } catch (err) {
    if (err.name === 'AbortError' || gen !== generation) return;
    const notFound = err instanceof api.ApiError && err.status === 404;
    els.articleView.replaceChildren(
      h('nav', { class: 'article-nav', attrs: { 'aria-label': 'Article' } },
        h('a', { href: stateUrl(back), class: 'back-link', on: { click: onBack } }, backLabel())),
      notFound
        ? h('div', { class: 'message error', attrs: { role: 'alert' } },
          h('h1', { text: 'This article is not in the archive' }),
          h('p', { text: 'It may have been removed since the link was made.' }))
        : errorMessage(err, () => render({})));
  } finally {
    if (gen === generation) busy(false);
  }
}

// Under the article: its similar articles, each opening in this view.
function showSimilar(id, signal) {
  renderSimilar($('similar-articles'), id, {
    signal,
    linkTo: (s) => stateUrl({ ...state, doc: s.id }),
    onOpen: (e, s) => {
      if (opensElsewhere(e)) return;
      e.preventDefault();
      navigate({ ...state, doc: s.id }, { focus: 'article' });
    },
  });
}

function backLabel() {
  return state.q ? `← Back to the results for “${state.q}”` : '← Back to the results';
}

// ---- controls ----------------------------------------------------------------------------

// Search as you type: the first change makes a history entry, the following ones replace it.
els.input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingPending = true;
  updateReady();
  typingTimer = setTimeout(commitTyping, TYPING_DELAY_MS);
});

function stopTyping() {
  clearTimeout(typingTimer);
  typingPending = false;
  updateReady();
}

function commitTyping() {
  stopTyping();
  const q = els.input.value.trim();
  if (q === state.q && !state.doc) return;
  navigate(withChanges(state, { q, doc: '' }), { replace: typing, fromTyping: true });
  typing = true;
}

els.form.addEventListener('submit', (e) => {
  e.preventDefault();
  stopTyping();
  suggest.close();
  const q = els.input.value.trim();
  if (q !== state.q || state.doc) navigate(withChanges(state, { q, doc: '' }), { replace: typing, fromTyping: true });
  else render({ fromTyping: true });
  typing = false;
});

const suggest = attachSuggest(els.input, els.suggestions, (s) => {
  stopTyping();
  if (s.kind === 'title' && s.id) {
    lastOpenedDoc = s.id;
    navigate({ ...state, doc: s.id }, { focus: 'article', openedFromResults: true });
  } else {
    els.input.value = s.text;
    navigate(withChanges(state, { q: s.text.trim(), doc: '' }), { replace: typing });
  }
});

els.home.addEventListener('click', (e) => {
  if (opensElsewhere(e)) return;
  e.preventDefault();
  navigate({ ...EMPTY_STATE });
  els.input.focus();
});

els.sort.addEventListener('change', () => navigate(withChanges(state, { sort: els.sort.value })));
els.opControl.addEventListener('change', (e) => {
  if (e.target.name === 'op') navigate(withChanges(state, { op: e.target.value }));
});
els.timelineReset.addEventListener('click', () => navigate(withChanges(state, { from: '', to: '' }), { focus: 'timeline' }));

els.dateForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const from = els.dateFrom.value.trim();
  const to = els.dateTo.value.trim();
  const problem = [[from, 'From'], [to, 'To']].find(([v]) => v && !isDateBound(v));
  let message = problem ? `${problem[1]}: “${problem[0]}” is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD.` : '';
  if (!message && from && to && startOf(from) > startOf(to)) message = 'The “From” date is after the “To” date.';
  if (message) {
    els.dateError.textContent = message;
    els.dateError.hidden = false;
    (problem && problem[1] === 'To' ? els.dateTo : els.dateFrom).focus();
    return;
  }
  navigate(withChanges(state, { from, to }));
});

const startOf = (bound) => {
  const b = parseBound(bound);
  return `${b.year}-${String(b.month || 1).padStart(2, '0')}-${String(b.day || 1).padStart(2, '0')}`;
};

// On narrow screens the filters fold away behind a button.
els.filtersToggle.addEventListener('click', () => {
  const open = els.filtersToggle.getAttribute('aria-expanded') !== 'true';
  els.filtersToggle.setAttribute('aria-expanded', String(open));
  els.filters.classList.toggle('open', open);
});

// "/" focuses the search box, unless one is typing in a field.
document.addEventListener('keydown', (e) => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
  const t = e.target;
  const textEntry = t.isContentEditable || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' ||
    (t.tagName === 'INPUT' && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(t.type));
  if (textEntry) return;
  e.preventDefault();
  els.input.focus();
  els.input.select();
});

render({});

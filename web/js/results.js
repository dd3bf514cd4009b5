// The result list, its status line, notices (did you mean, warnings, errors, no results),
// the active-filter chips and the pagination.

import { h, replaceChildren, setMarkedHtml, formatCount, plural, safeHttpUrl } from './dom.js';
import { formatDate, formatRange } from './dates.js';
import { stateUrl, withChanges, hasFilters } from './state.js';
import { ApiError, NetworkError } from './api.js';

/** "12 results", "about 1,200 results". */
export function describeTotal(response) {
  const n = response.total;
  const count = plural(n, 'result');
  return response.total_exact === false && n > 0 ? `about ${count}` : count;
}

/** The status line (an aria-live region) for a response. */
export function renderStatus(el, state, response) {
  const pages = pageCount(response);
  const parts = [];
  if (!state.q && !hasFilters(state)) {
    parts.push(`${plural(response.total, 'article')} in the archive`);
    if (state.sort === 'relevance') parts.push('newest first');
  } else {
    parts.push(describeTotal(response).replace(/^./, (c) => c.toUpperCase()));
  }
  if (pages > 1) parts.push(`page ${formatCount(Math.min(state.page, pages))} of ${formatCount(pages)}`);
  const took = typeof response.took_ms === 'number' ? ` (${response.took_ms < 10 ? response.took_ms.toFixed(1) : Math.round(response.took_ms)} ms)` : '';
  replaceChildren(el, h('span', { class: 'status-count' }, parts.join(' · ')), h('span', { class: 'status-time' }, took));
}

// searchd serves pages up to 10,000 (README, "Serving").
const LAST_PAGE = 10000;

/** The number of pages of results (0 when nothing matched). */
export const pageCount = (response) => Math.min(LAST_PAGE, Math.max(0, Math.ceil(response.total / (response.size || 10))));

/**
 * The hits as list items. `linkTo(hit)` gives the href of the article view;
 * `onOpen(event, hit)` handles a click on a title.
 */
export function renderHits(list, response, { linkTo, onOpen, linkToVersions, onOpenVersions }) {
  const items = response.hits.map((hit, i) => {
    const link = h('a', { href: linkTo(hit), dataset: { docId: hit.id }, on: { click: (e) => onOpen(e, hit) } });
    setMarkedHtml(link, hit.title_html || '');
    if (!link.textContent.trim()) link.textContent = hit.title || 'Untitled article';
    const meta = h('p', { class: 'hit-meta' },
      hit.date ? h('time', { dateTime: hit.date, text: formatDate(hit.date) }) : h('span', { class: 'undated', text: 'undated' }),
      (hit.categories || []).length ? [' · ', h('span', { class: 'hit-categories', text: hit.categories.join(', ') })] : null,
      hit.author ? [' · ', h('span', { class: 'hit-author', text: hit.author })] : null);
    const snippet = h('p', { class: 'hit-snippet' });
    setMarkedHtml(snippet, hit.snippet || '');
    const host = hostOf(hit.url);
    // Other versions of this story (reprints, a teaser) collapsed under this hit.
    const versions = hit.versions > 0 && hit.version_group && linkToVersions
      ? h('p', { class: 'hit-versions' }, h('a', {
        href: linkToVersions(hit),
        text: `${formatCount(hit.versions)} similar ${hit.versions === 1 ? 'version' : 'versions'}`,
        on: { click: (e) => onOpenVersions(e, hit) },
      }))
      : null;
    return h('li', { class: 'hit' },
      h('h2', { class: 'hit-title' }, link),
      meta,
      snippet.textContent.trim() ? snippet : null,
      host ? h('p', { class: 'hit-source', text: host }) : null,
      versions);
  });
  const first = (response.page - 1) * response.size + 1;
  list.start = first;
  replaceChildren(list, items);
}

function hostOf(url) {
  const safe = safeHttpUrl(url);
  if (!safe) return '';
  const u = new URL(safe);
  return u.host.replace(/^www\./, '') + (u.pathname.length > 1 ? u.pathname : '');
}

/** Chips for the active filters; each removes its filter. */
export function renderChips(el, state, navigate) {
  const chips = [];
  const chip = (label, remove) => h('button', {
    type: 'button', class: 'chip',
    attrs: { 'aria-label': `Remove filter ${label}` },
    on: { click: () => navigate(remove(), { focus: 'chips' }) },
  }, h('span', { text: label }), h('span', { class: 'chip-x', attrs: { 'aria-hidden': 'true' } }, '×'));
  for (const c of state.categories) {
    chips.push(chip(`Category: ${c}`, () => withChanges(state, { categories: state.categories.filter((x) => x !== c) })));
  }
  if (state.from || state.to) {
    chips.push(chip(`Date: ${formatRange(state.from, state.to)}`, () => withChanges(state, { from: '', to: '' })));
  }
  if (state.version_group) {
    chips.push(chip('Versions of one story', () => withChanges(state, { version_group: '' })));
  }
  if (chips.length > 1) {
    chips.push(h('button', {
      type: 'button', class: 'link-button clear-all', text: 'Clear all filters',
      on: { click: () => navigate(withChanges(state, { categories: [], from: '', to: '' }), { focus: 'chips' }) },
    }));
  }
  replaceChildren(el, chips);
  el.hidden = chips.length === 0;
}

/** Did-you-mean and forgiven-problem notes above the results. */
export function renderNotices(el, state, response, navigate) {
  const notes = [];
  if (response.suggestion) {
    const next = withChanges(state, { q: response.suggestion });
    notes.push(h('p', { class: 'did-you-mean' }, 'Did you mean ',
      h('a', {
        href: stateUrl(next), class: 'suggestion-link', text: response.suggestion,
        on: { click: (e) => { e.preventDefault(); navigate(next); } },
      }), '?'));
  }
  for (const w of response.warnings || []) {
    notes.push(h('p', { class: 'warning-note' }, h('span', { class: 'note-label', text: 'Note: ' }), w));
  }
  replaceChildren(el, notes);
}

/** The message when nothing matched. */
export function noResults(state, navigate) {
  const box = h('div', { class: 'message empty-results' },
    h('h2', { text: state.q ? `No articles match “${state.q}”` : 'No articles match these filters' }));
  if (hasFilters(state)) {
    box.append(h('p', { text: 'Your filters may be too narrow. Remove one, or search everything:' }),
      h('p', {}, h('button', {
        type: 'button', class: 'small-button', text: 'Remove all filters',
        on: { click: () => navigate(withChanges(state, { categories: [], from: '', to: '' }), { focus: 'results' }) },
      })));
  }
  const tips = ['Check the spelling, or use fewer or more general words.'];
  if (state.op === 'and' && /\s/.test(state.q.trim())) tips.push('Switch to “Any word” to find articles with some of the words.');
  tips.push('See “Search tips” under the search box for phrases, operators and fields.');
  box.append(h('ul', { class: 'tips' }, tips.map((t) => h('li', { text: t }))));
  return box;
}

/** The message for a failed request. */
export function errorMessage(err, retry, query = '') {
  if (err instanceof ApiError && err.status === 400) {
    const box = h('div', { class: 'message error', attrs: { role: 'alert' } },
      h('h2', { text: err.code === 'bad_query' ? 'This query cannot be searched' : 'This search has a problem' }),
      h('p', { class: 'server-message', text: err.message }));
    if (err.code === 'bad_query') {
      const echo = queryEcho(query, err.position);
      if (echo) box.append(echo);
      box.append(h('p', { text: 'Check the query language under “Search tips”.' }));
    }
    return box;
  }
  if (err instanceof ApiError && err.status === 503) {
    return h('div', { class: 'message error', attrs: { role: 'alert' } },
      h('h2', { text: 'The archive is not available right now' }),
      h('p', { class: 'server-message', text: err.message }),
      h('p', {}, h('button', { type: 'button', class: 'small-button', text: 'Try again', on: { click: retry } })));
  }
  const unreachable = err instanceof NetworkError;
  return h('div', { class: 'message error', attrs: { role: 'alert' } },
    h('h2', { text: unreachable ? 'The search server cannot be reached' : 'Something went wrong' }),
    h('p', { text: unreachable ? 'Check your connection, or whether the server is running, and try again.' : err.message }),
    h('p', {}, h('button', { type: 'button', class: 'small-button', text: 'Try again', on: { click: retry } })));
}

/** Previous / numbered / next links. Hidden when there is one page. */
export function renderPagination(nav, state, response, navigate) {
  const pages = pageCount(response);
  if (pages <= 1 && state.page <= 1) {
    nav.hidden = true;
    nav.replaceChildren();
    return;
  }
  nav.hidden = false;
  const current = state.page;
  const link = (page, label, extra = {}) => {
    const target = withChanges(state, { page });
    return h('a', {
      href: stateUrl(target), class: extra.class || 'page-link',
      attrs: { 'aria-current': page === current ? 'page' : false, 'aria-label': extra.ariaLabel || `Page ${page}` },
      on: { click: (e) => { e.preventDefault(); navigate(target, { focus: 'results' }); } },
    }, label);
  };
  const items = [];
  items.push(current > 1
    ? link(current - 1, '← Previous', { class: 'page-link page-prev', ariaLabel: 'Previous page' })
    : h('span', { class: 'page-link page-prev disabled', attrs: { 'aria-hidden': 'true' } }, '← Previous'));
  const numbers = h('span', { class: 'page-numbers' });
  for (const p of pageWindow(current, Math.max(pages, current))) {
    numbers.append(p === null ? h('span', { class: 'page-gap', attrs: { 'aria-hidden': 'true' } }, '…') : link(p, String(p)));
  }
  items.push(numbers);
  items.push(current < pages
    ? link(current + 1, 'Next →', { class: 'page-link page-next', ariaLabel: 'Next page' })
    : h('span', { class: 'page-link page-next disabled', attrs: { 'aria-hidden': 'true' } }, 'Next →'));
  replaceChildren(nav, items);
}

/** Page numbers to show around `current` of `pages`, with null for a gap: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current, pages) {
  const shown = new Set([1, pages]);
  for (let p = current - 2; p <= current + 2; p++) if (p >= 1 && p <= pages) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] === 2) out.push(p - 1);
    else if (i > 0 && p - sorted[i - 1] > 2) out.push(null);
    out.push(p);
  });
  return out;
}

// The query with the part at byte offset `position` (up to the next space) marked.
function queryEcho(query, position) {
  if (!query || !Number.isInteger(position) || position < 0) return null;
  const bytes = new TextEncoder().encode(query);
  if (position >= bytes.length) return null;
  const start = new TextDecoder().decode(bytes.slice(0, position)).length;
  const rest = query.slice(start);
  const length = rest.search(/\s|$/);
  return h('p', { class: 'query-echo' }, h('code', {},
    query.slice(0, start), h('span', { class: 'query-problem', text: rest.slice(0, length) || rest }),
    rest.slice(length)));
}

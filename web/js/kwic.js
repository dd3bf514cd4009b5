// The "In context" view (keyword in context, GET /api/kwic): every occurrence of the query's
// phrase, one line each, aligned on the match, with its article's title and date.

import { h, replaceChildren, formatCount, plural } from './dom.js';
import { formatDate } from './dates.js';
import { stateUrl, withChanges } from './state.js';

/** Lines per page of the view. */
export const KWIC_PAGE_SIZE = 50;

/** The /api/kwic parameters of a state: its phrase, filters, order, page and stem choice. */
export function kwicParams(state) {
  const p = new URLSearchParams();
  p.set('q', state.q);
  for (const c of state.categories) p.append('category', c);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  p.set('sort', state.sort);
  if (state.stem) p.set('stem', '1');
  if (state.page > 1) p.set('offset', String((state.page - 1) * KWIC_PAGE_SIZE));
  p.set('limit', String(KWIC_PAGE_SIZE));
  return p;
}

/** The view switch above the results: "Articles" or "In context". Hidden without query text. */
export function renderViewTabs(el, state, navigate) {
  el.hidden = !state.q;
  if (!state.q) return;
  const tab = (view, label) => {
    const target = withChanges(state, { view });
    const current = (state.view || '') === view;
    return h('a', {
      href: stateUrl(target), class: current ? 'view-tab current' : 'view-tab', text: label,
      attrs: { 'aria-current': current ? 'page' : null },
      on: { click: (e) => { if (plainClick(e)) { e.preventDefault(); navigate(target, { focus: 'results' }); } } },
    });
  };
  replaceChildren(el, tab('', 'Articles'), tab('kwic', 'In context'));
}

/** A one-line summary of an answer, for the status line. */
export function kwicSummary(state, answer) {
  if (!answer.total) return `No occurrence of “${answer.phrase}”`;
  const first = (state.page - 1) * KWIC_PAGE_SIZE + 1;
  const last = first + answer.lines.length - 1;
  const range = answer.lines.length ? `Lines ${formatCount(first)}–${formatCount(last)} of ` : '';
  const total = answer.complete ? formatCount(answer.total) : `at least ${formatCount(answer.total)}`;
  return `${range}${total} ${answer.total === 1 ? 'occurrence' : 'occurrences'} of “${answer.phrase}” in ${plural(answer.articles, 'article')}`;
}

/**
 * Draw an answer into the view's section. `linkTo(line)` gives the href of a line's article,
 * `onOpen(event, line)` handles a click on its title, `navigate` goes to another state.
 */
export function renderKwic(section, answer, state, { linkTo, onOpen, navigate }) {
  section.hidden = false;
  const stem = h('label', { class: 'kwic-stem' },
    h('input', {
      type: 'checkbox', checked: !!state.stem,
      on: { change: (e) => navigate(withChanges(state, { stem: e.target.checked }), { focus: 'results' }) },
    }),
    h('span', {}, 'Any form of the words (', h('i', { text: 'camps' }), ' for ', h('i', { text: 'camp' }), ')'));
  const notes = (answer.warnings || []).map((w) => h('p', { class: 'message warning', text: w }));
  const list = h('ol', { class: 'kwic-lines', start: (state.page - 1) * KWIC_PAGE_SIZE + 1 },
    answer.lines.map((line) => kwicLine(line, linkTo, onOpen)));
  const body = answer.lines.length ? list : h('p', { class: 'message empty-results', text: emptyText(state, answer) });
  replaceChildren(section, h('div', { class: 'kwic-head' }, stem), notes, body, pager(state, answer, navigate));
}

function kwicLine(line, linkTo, onOpen) {
  const link = h('a', {
    href: linkTo(line), class: 'kwic-title', text: line.title || 'Untitled article', dataset: { docId: line.id },
    on: { click: (e) => onOpen(e, line) },
  });
  const date = line.date ? h('time', { dateTime: line.date, text: formatDate(line.date) })
    : h('span', { class: 'undated', text: 'undated' });
  // Left context is right-aligned against the match; both halves clip what does not fit.
  return h('li', { class: 'kwic-line' },
    h('span', { class: 'kwic-left' }, h('span', { text: line.left })),
    h('span', { class: 'kwic-right' }, h('mark', { class: 'kwic-match', text: line.match }), line.right),
    h('span', { class: 'kwic-source' }, link, ' · ', date));
}

function emptyText(state, answer) {
  if (answer.total) return `There are only ${plural(answer.total, 'line')}.`;
  const words = state.stem ? 'in any form' : 'as written';
  return `The phrase “${answer.phrase}” does not occur ${words} in the text of the matching articles. ` +
    'In context reads the query as one phrase: operators and field names count as words.';
}

function pager(state, answer, navigate) {
  const previous = state.page > 1 ? withChanges(state, { page: state.page - 1 }) : null;
  const next = answer.next_offset !== null && answer.next_offset !== undefined
    ? withChanges(state, { page: state.page + 1 }) : null;
  if (!previous && !next) return null;
  const link = (target, label, rel) => (target
    ? h('a', {
      href: stateUrl(target), class: 'page-link', text: label, attrs: { rel },
      on: { click: (e) => { if (plainClick(e)) { e.preventDefault(); navigate(target, { focus: 'results' }); } } },
    })
    : h('span', { class: 'page-link disabled', text: label, attrs: { 'aria-disabled': 'true' } }));
  return h('nav', { class: 'kwic-pager', attrs: { 'aria-label': 'Pages of lines' } },
    link(previous, '← Previous', 'prev'), link(next, 'Next →', 'next'));
}

const plainClick = (e) => e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey;

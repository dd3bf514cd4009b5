// The whole state of the page lives in the URL's query string:
//   ?q=TEXT&category=A&category=B&from=2013&to=2014-06&sort=newest&op=or&page=2&doc=ID
//   &view=kwic (the "In context" view; its page counts lines) &stem=1 (there: any form of the words)
//   &version_group=KEY (only the versions of one story, from a hit's "N similar versions")
// Defaults are left out, so shared URLs stay short. The timeline view adds its own keys
// (timeline_state.js).

import { TIMELINE_DEFAULTS, TIMELINE_KEYS, parseTimelineState, appendTimelineState } from './timeline_state.js';

export const SORTS = ['relevance', 'newest', 'oldest'];
export const OPS = ['and', 'or'];

export const EMPTY_STATE = Object.freeze({
  q: '', categories: [], from: '', to: '', sort: 'relevance', op: 'and', page: 1, doc: '',
  view: '', stem: false, version_group: '',
  ...TIMELINE_DEFAULTS,
});

/** The state in a query string ("?q=..."). Unknown values fall back to the defaults. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const page = Number.parseInt(p.get('page') || '1', 10);
  const categories = [];
  for (const c of p.getAll('category')) if (c && !categories.includes(c)) categories.push(c);
  return {
    q: p.get('q') || '',
    categories,
    from: p.get('from') || '',
    to: p.get('to') || '',
    sort: SORTS.includes(p.get('sort')) ? p.get('sort') : 'relevance',
    op: OPS.includes(p.get('op')) ? p.get('op') : 'and',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    doc: p.get('doc') || '',
    view: p.get('view') === 'kwic' ? 'kwic' : '',
    stem: p.get('stem') === '1',
    version_group: /^[0-9a-f]{1,64}$/.test(p.get('version_group') || '') ? p.get('version_group') : '',
    ...parseTimelineState(p),
  };
}

/** The search part of the state as URLSearchParams (what /api/search takes too). */
export function searchParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const c of state.categories) p.append('category', c);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  if (state.op !== 'and') p.set('op', state.op);
  if (state.page > 1) p.set('page', String(state.page));
  return p;
}

/**
 * What the result list asks /api/search: one hit per story, the others counted in the hit
 * (versions=collapse), or, after "N similar versions", every version of that one story.
 */
export function resultParams(state) {
  const p = searchParams(state);
  if (state.version_group) p.set('version_group', state.version_group);
  else p.set('versions', 'collapse');
  return p;
}

/** The page URL ("?..." or "./") of a state. */
export function stateUrl(state) {
  const p = searchParams(state);
  if (state.doc) p.set('doc', state.doc);
  if (state.view) p.set('view', state.view);
  if (state.stem) p.set('stem', '1');
  if (state.version_group) p.set('version_group', state.version_group);
  appendTimelineState(p, state);
  const s = p.toString();
  return s ? `?${s}` : './';
}

/** A new state: `state` with `changes`; a change of what is searched goes back to page 1. */
export function withChanges(state, changes) {
  const next = { ...state, ...changes };
  const resetsPage = Object.keys(changes).some((k) => k !== 'page' && k !== 'doc' && !TIMELINE_KEYS.includes(k));
  if (resetsPage && !('page' in changes)) next.page = 1;
  return next;
}

/** True when any filter (category or date) is set. */
export const hasFilters = (state) => state.categories.length > 0 || !!state.from || !!state.to || !!state.version_group;

// The current search elsewhere: as a download (GET /api/export, CSV or JSON Lines) and as an Atom
// feed to subscribe to (GET /feeds/search.atom), both kept in step with the state in the URL.
// Plain links, so that they work as links do: open in a new tab, copy the address, save as.

/** The query and filters of a state, as /api/export takes them (every match: no page). */
export function exportParams(state, format) {
  const p = filterParams(state);
  if (state.sort !== 'relevance') p.set('sort', state.sort);
  p.set('format', format);
  return p;
}

/** The query and filters of a state, as /feeds/search.atom takes them (always newest first). */
export function feedParams(state) {
  return filterParams(state);
}

function filterParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const c of state.categories) p.append('category', c);
  if (state.from) p.set('from', state.from);
  if (state.to) p.set('to', state.to);
  if (state.op !== 'and') p.set('op', state.op);
  return p;
}

const withQuery = (path, params) => {
  const s = params.toString();
  return s ? `${path}?${s}` : path;
};

/**
 * Point the links at `state`: els.csv, els.jsonl (downloads), els.feed (the visible feed link) and
 * els.alternate (the <link rel="alternate" type="application/atom+xml"> feed readers discover).
 */
export function renderExportLinks(els, state) {
  els.csv.href = withQuery('api/export', exportParams(state, 'csv'));
  els.jsonl.href = withQuery('api/export', exportParams(state, 'jsonl'));
  const feed = withQuery('feeds/search.atom', feedParams(state));
  els.feed.href = feed;
  els.alternate.href = feed;
  els.alternate.title = state.q ? `Newest articles matching “${state.q}”` : 'Newest articles';
}

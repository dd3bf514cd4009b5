// The timeline view's part of the page state, kept in the URL like the rest (state.js):
//   timeline=1       the view is open
//   interval=month   or year; absent: chosen from the span of the axis (timeline_view.js)
//   share=1          shares of all articles of each period instead of counts
//   compare=Q        repeated: queries drawn beside the search query, each its own series
// Defaults are left out, so that URLs without the view stay as they were.

/** /api/timeline draws at most this many series: the search query and up to three comparisons. */
export const MAX_SERIES = 4;
export const INTERVALS = ['month', 'year'];

export const TIMELINE_DEFAULTS = Object.freeze({ timeline: false, interval: '', share: false, compare: [] });

/** The keys above: changing them leaves the result list (and its page) as it is. */
export const TIMELINE_KEYS = Object.freeze(Object.keys(TIMELINE_DEFAULTS));

/** The timeline part of a state from URLSearchParams. Extra comparisons beyond the limit are dropped. */
export function parseTimelineState(p) {
  const q = p.get('q') || '';
  const compare = [];
  for (const c of p.getAll('compare')) {
    const query = c.trim();
    if (query && query !== q && !compare.includes(query)) compare.push(query);
  }
  return {
    timeline: p.get('timeline') === '1',
    interval: INTERVALS.includes(p.get('interval')) ? p.get('interval') : '',
    share: p.get('share') === '1',
    compare: compare.slice(0, MAX_SERIES - 1),
  };
}

/** Add the timeline part of `state` to URLSearchParams `p` (for the page URL, not for /api/search). */
export function appendTimelineState(p, state) {
  if (state.timeline) p.set('timeline', '1');
  if (state.interval) p.set('interval', state.interval);
  if (state.share) p.set('share', '1');
  for (const c of state.compare || []) p.append('compare', c);
}

/** The queries of the chart, in series order: the search query first ('' = every article). */
export const timelineQueries = (state) => [state.q, ...state.compare.filter((c) => c !== state.q)];

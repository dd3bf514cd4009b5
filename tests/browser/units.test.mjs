// The page's modules on their own, run in the browser as the page loads them: tables of inputs
// and what they must give.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open } from './support/browser.mjs';

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await open(browser, '/');
});
after(async () => {
  try {
    page?.assertClean();
  } finally {
    await browser?.close();
  }
});

// Run `fn(module, input)` in the page for each input; return the outputs. The expression goes
// through the DevTools protocol, so the page's CSP (no eval) does not apply to it.
const each = (modulePath, fn, inputs) => page.evaluate(`(async () => {
  const module = await import(${JSON.stringify(modulePath)});
  const fn = ${fn.toString()};
  return ${JSON.stringify(inputs)}.map((input) => fn(module, input));
})()`);

test('state: URL <-> state, with defaults left out and bad values dropped', async () => {
  const rows = [
    ['', { q: '', categories: [], from: '', to: '', sort: 'relevance', op: 'and', page: 1, doc: '', view: '', stem: false, version_group: '' }, './'],
    ['?q=camp+liberty', { q: 'camp liberty' }, '?q=camp+liberty'],
    ['?q=a&category=X&category=Y&category=X', { q: 'a', categories: ['X', 'Y'] }, '?q=a&category=X&category=Y'],
    ['?from=2013&to=2014-06', { from: '2013', to: '2014-06' }, '?from=2013&to=2014-06'],
    ['?sort=newest&op=or&page=3', { sort: 'newest', op: 'or', page: 3 }, '?sort=newest&op=or&page=3'],
    ['?sort=random&op=xor&page=-2', {}, './'],
    ['?page=abc', {}, './'],
    ['?doc=a%2Fb&q=x', { doc: 'a/b', q: 'x' }, '?q=x&doc=a%2Fb'],
    ['?q=x&view=kwic&stem=1&page=2', { q: 'x', view: 'kwic', stem: true, page: 2 }, '?q=x&page=2&view=kwic&stem=1'],
    ['?view=list&stem=yes', {}, './'],
  ];
  const out = await each('/js/state.js', (m, search) => {
    const s = m.parseState(search);
    return { state: s, url: m.stateUrl(s) };
  }, rows.map((r) => r[0]));
  rows.forEach(([search, expected, url], i) => {
    const defaults = { q: '', categories: [], from: '', to: '', sort: 'relevance', op: 'and', page: 1, doc: '', view: '', stem: false, version_group: '',
      timeline: false, interval: '', share: false, compare: [] }; // the timeline view's keys: timeline.test.mjs
    assert.deepEqual(out[i].state, { ...defaults, ...expected }, search);
    assert.equal(out[i].url, url, search);
  });
  const [reset] = await each('/js/state.js', (m) => [
    m.withChanges({ ...m.EMPTY_STATE, page: 4 }, { q: 'x' }).page,
    m.withChanges({ ...m.EMPTY_STATE, page: 4 }, { page: 5 }).page,
    m.withChanges({ ...m.EMPTY_STATE, page: 4 }, { doc: 'd' }).page,
  ], [null]);
  assert.deepEqual(reset, [1, 5, 4], 'a new query or filter goes back to page 1');
});

test('histogram: bins by year, by month over one or two years, gaps filled', async () => {
  const rows = [
    [{ year: [], month: [] }, { mode: 'year', keys: [], counts: [] }],
    [{ year: [{ value: '2011', count: 2 }, { value: '2013', count: 1 }, { value: '2014', count: 3 }], month: [] },
      { mode: 'year', keys: ['2011', '2012', '2013', '2014'], counts: [2, 0, 1, 3] }],
    [{ year: [{ value: '2013', count: 3 }], month: [{ value: '2013-02', count: 2 }, { value: '2013-12', count: 1 }] },
      { mode: 'month', keys: 12, counts: [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1] }],
    [{ year: [{ value: '2012', count: 1 }, { value: '2013', count: 1 }], month: [{ value: '2012-05', count: 1 }, { value: '2013-01', count: 1 }] },
      { mode: 'month', keys: 24, counts: null }],
    // With a date filter: months of the filter's years (one or two), else years.
    [{ year: [{ value: '2011', count: 2 }, { value: '2016', count: 1 }], month: [{ value: '2011-03', count: 2 }], from: '2011', to: '2011' },
      { mode: 'month', keys: 12, counts: [0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0] }],
    [{ year: [{ value: '2011', count: 2 }, { value: '2016', count: 1 }], month: [], from: '2015-06', to: '' },
      { mode: 'month', keys: 24, counts: null }],
    [{ year: [{ value: '2011', count: 2 }, { value: '2016', count: 1 }], month: [], from: '2012', to: '2014' },
      { mode: 'year', keys: ['2011', '2012', '2013', '2014', '2015', '2016'], counts: [2, 0, 0, 0, 0, 1] }],
  ];
  const out = await each('/js/histogram.js', (m, facets) => {
    const { mode, bins } = m.histogramBins(facets, facets.from, facets.to);
    return { mode, keys: bins.map((b) => b.key), counts: bins.map((b) => b.count), labels: bins.map((b) => b.label) };
  }, rows.map((r) => r[0]));
  rows.forEach(([, expected], i) => {
    assert.equal(out[i].mode, expected.mode);
    if (typeof expected.keys === 'number') assert.equal(out[i].keys.length, expected.keys);
    else assert.deepEqual(out[i].keys, expected.keys);
    if (expected.counts) assert.deepEqual(out[i].counts, expected.counts);
  });
  assert.equal(out[2].labels[1], 'February 2013');

  const ranges = await each('/js/histogram.js', (m, [a, b]) => m.rangeFor(a, b), [
    ['2013', '2013'], ['2015', '2011'], ['2013-02', '2013-02'], ['2013-01', '2013-12'], ['2012-01', '2013-12'], ['2013-03', '2012-11'],
  ]);
  assert.deepEqual(ranges, [
    { from: '2013', to: '2013' }, { from: '2011', to: '2015' }, { from: '2013-02', to: '2013-02' },
    { from: '2013', to: '2013' }, { from: '2012', to: '2013' }, { from: '2012-11', to: '2013-03' },
  ]);

  const extended = await each('/js/histogram.js', (m, [from, to, key]) => m.extendRange(from, to, key), [
    ['2013', '2013', '2015'], ['2013', '2013', '2011'], ['2013', '2013', '2013-05'], ['', '2012', '2014'],
    ['2013-02', '2013-03', '2013-07'], ['2012', '', '2010'],
  ]);
  assert.deepEqual(extended, [
    { from: '2013', to: '2015' }, { from: '2011', to: '2013' }, { from: '2013', to: '2013' }, { from: '', to: '2014' },
    { from: '2013-02', to: '2013-07' }, { from: '2010', to: '' },
  ]);

  const inside = await each('/js/histogram.js', (m, [key, from, to]) => m.binInRange(key, from, to), [
    ['2013', '2013', '2013'], ['2013-05', '2013', '2013'], ['2014-01', '2013', '2013'], ['2013', '2012', ''],
    ['2013', '', '2012'], ['2013-02', '2013-02-10', '2013-03'], ['2013', '', ''],
  ]);
  assert.deepEqual(inside, [true, true, false, true, false, false, false]);
});

test('results: totals, "about" when estimated', async () => {
  const out = await each('/js/results.js', (m, response) => m.describeTotal(response), [
    { total: 0, total_exact: true }, { total: 1, total_exact: true }, { total: 12, total_exact: true },
    { total: 1234, total_exact: false }, { total: 0, total_exact: false },
  ]);
  assert.deepEqual(out, ['0 results', '1 result', '12 results', 'about 1,234 results', '0 results']);
  const pages = await each('/js/results.js', (m, response) => m.pageCount(response), [
    { total: 0, size: 10 }, { total: 10, size: 10 }, { total: 11, size: 10 }, { total: 5_000_000, size: 10 },
  ]);
  assert.deepEqual(pages, [0, 1, 2, 10000], 'searchd serves up to page 10,000');
});

test('results: page numbers around the current page, with gaps', async () => {
  const out = await each('/js/results.js', (m, [current, pages]) => m.pageWindow(current, pages), [
    [1, 1], [1, 3], [1, 10], [6, 20], [20, 20], [4, 7],
  ]);
  assert.deepEqual(out, [
    [1], [1, 2, 3], [1, 2, 3, null, 10], [1, null, 4, 5, 6, 7, 8, null, 20], [1, null, 18, 19, 20], [1, 2, 3, 4, 5, 6, 7],
  ]);
});

test('dom: escaped HTML gives bare <mark> and <p>, everything else stays text; only http(s) URLs are links', async () => {
  const rows = [
    ['a <mark>camp</mark> b', 'a <mark>camp</mark> b'],
    ['<p>one</p><p>two <mark>x</mark></p>', '<p>one</p><p>two <mark>x</mark></p>'],
    ['<MARK>a</MARK>', '<mark>a</mark>'],
    ['<p>one<p>two', '<p>one</p><p>two</p>'],
    ['a</mark>b', 'ab'],
    ['&lt;img src=x onerror=alert(1)&gt;', '&lt;img src=x onerror=alert(1)&gt;'],
    ['x &amp;lt; &#39;q&#x27; &bogus; &#0;', 'x &amp;lt; \'q\' &amp;bogus; \ufffd'],
    // What the API never sends: shown literally, never parsed.
    ['<img src=x onerror=alert(1)>after', '&lt;img src=x onerror=alert(1)&gt;after'],
    ['<mark onclick="alert(1)">m</mark>', '&lt;mark onclick="alert(1)"&gt;m'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<a href="javascript:alert(1)">link</a>', '&lt;a href="javascript:alert(1)"&gt;link&lt;/a&gt;'],
    ['', ''],
  ];
  const out = await each('/js/dom.js', (m, html) => {
    const div = document.createElement('div');
    m.setMarkedHtml(div, html);
    return div.innerHTML;
  }, rows.map((r) => r[0]));
  rows.forEach(([input, expected], i) => assert.equal(out[i], expected, input));

  const urls = [
    ['https://example.org/a?b=c', 'https://example.org/a?b=c'], ['http://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null], ['JAVASCRIPT:alert(1)', null], ['data:text/html,x', null],
    ['ftp://example.org/x', null], ['/relative', null], ['', null], [' https://example.org', 'https://example.org/'],
  ];
  const safe = await each('/js/dom.js', (m, url) => m.safeHttpUrl(url), urls.map((u) => u[0]));
  urls.forEach(([input, expected], i) => assert.equal(safe[i], expected, input));
});

test('dates: bounds and how periods read', async () => {
  const rows = [
    ['2013', true, '2013'], ['2013-02', true, 'February 2013'], ['2013-02-09', true, '9 February 2013'],
    ['2013-13', false, null], ['2013-00-10', false, null], ['13', false, null], ['2013-2', false, null], ['', false, null],
  ];
  const out = await each('/js/dates.js', (m, b) => [m.isDateBound(b), m.isDateBound(b) ? m.formatPeriod(b) : null],
    rows.map((r) => r[0]));
  rows.forEach(([bound, valid, text], i) => assert.deepEqual(out[i], [valid, text], bound));
  const ranges = await each('/js/dates.js', (m, [a, b]) => m.formatRange(a, b), [
    ['2013', '2013'], ['2011', '2012'], ['2013-03', ''], ['', '2012'], ['2014', '2016-06'],
  ]);
  assert.deepEqual(ranges, ['2013', '2011 – 2012', 'since March 2013', 'until 2012', '2014 – June 2016']);
});

// The search page over an index of XSS payloads (xss_articles.jsonl, run by xss_page.sh): every
// result page, every article view, the category facets and filter chips render the payloads as
// text. Nothing runs (the payloads set window.__xss), no dialog opens, no link or source is
// javascript:, data: or vbscript:, no element carries an on* handler, no script or frame is added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled } from '../../browser/support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What the page must never contain, whatever the index holds. Returns a list of problems.
async function liveMarkup(page) {
  return page.evaluate(() => {
    const problems = [];
    if (window.__xss !== undefined) problems.push(`window.__xss = ${window.__xss}`);
    const badScheme = /^\s*(javascript|data|vbscript):/i;
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`<${el.localName} ${attr.name}>`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster']
          .includes(attr.name.toLowerCase()) && (badScheme.test(attr.value) || attr.name === 'srcdoc')) {
          problems.push(`<${el.localName} ${attr.name}="${attr.value}">`);
        }
      }
    }
    for (const a of document.querySelectorAll('a[href]')) {
      const url = new URL(a.href, location.href);
      if (!['http:', 'https:'].includes(url.protocol)) problems.push(`link to ${a.href}`);
      if (url.origin !== location.origin && !a.classList.contains('original-link')) problems.push(`off-site link ${a.href}`);
    }
    const scripts = [...document.scripts].filter((s) => !s.src || new URL(s.src).origin !== location.origin);
    if (scripts.length) problems.push(`${scripts.length} inline or foreign scripts`);
    // Elements only a payload would add, where the index's text is drawn.
    const content = ['#results', '#article-view', '#category-list', '#chips', '#notices', '#status'];
    for (const tag of ['iframe', 'object', 'embed', 'img', 'svg', 'math', 'style', 'base', 'meta', 'script', 'input', 'details', 'body']) {
      const found = document.querySelectorAll(content.map((c) => `${c} ${tag}`).join(', '));
      if (tag === 'input' && [...found].every((i) => i.type === 'checkbox')) continue;  // the facet checkboxes
      if (found.length) problems.push(`${found.length} <${tag}> in the content`);
    }
    if (document.querySelectorAll('base, iframe, object, embed').length) problems.push('a <base>, frame or object in the page');
    return problems;
  });
}

async function assertInert(page, where) {
  assert.deepEqual(await liveMarkup(page), [], where);
  page.assertClean();
}

test('every result page shows the payloads as text', async () => {
  const answer = await (await fetch(new URL('/api/search?q=xsstoken&size=10', process.env.SEARCHD_URL))).json();
  assert.ok(answer.total >= 40, `the corpus is indexed (${answer.total})`);
  // The page lists one version of each story (payloads repeated in several articles collapse).
  const stories = await (await fetch(new URL('/api/search?q=xsstoken&size=10&versions=collapse', process.env.SEARCHD_URL))).json();
  const pages = Math.ceil(stories.total / 10);
  assert.ok(pages >= 2, `several result pages (${stories.total} stories)`);
  const page = await open(browser, '/?q=xsstoken');
  for (let n = 1; n <= pages; n += 1) {
    if (n > 1) {
      await page.goto(new URL(`/?q=xsstoken&page=${n}`, process.env.SEARCHD_URL).href);
      await settled(page);
    }
    assert.ok((await page.locator('#results > li').count()) > 0, `page ${n} has results`);
    await assertInert(page, `results page ${n}`);
  }
  // Marks inside the payload text, and the payload words as queries.
  for (const q of ['script', 'onerror', 'javascript', 'mark', 'onmouseover', 'p', 'img src']) {
    await page.goto(new URL(`/?q=${encodeURIComponent(q)}`, process.env.SEARCHD_URL).href);
    await settled(page);
    await assertInert(page, `results for ${q}`);
  }
  await page.close();
});

test('every article view shows the payloads as text, and no original link is javascript: or data:', async () => {
  const ids = [];
  for (let n = 1; n <= 10; n += 1) {
    const r = await (await fetch(new URL(`/api/search?q=xsstoken&size=100&page=${n}&snippets=0&facets=0`, process.env.SEARCHD_URL))).json();
    ids.push(...r.hits.map((h) => h.id));
    if (r.hits.length < 100) break;
  }
  assert.ok(ids.length >= 40);
  const page = await open(browser, '/');
  for (const id of ids) {
    for (const q of ['', 'script']) {
      await page.goto(new URL(`/?doc=${encodeURIComponent(id)}${q ? `&q=${q}` : ''}`, process.env.SEARCHD_URL).href);
      await settled(page);
      assert.ok((await page.locator('#article-title').textContent()).length > 0, `${id} is shown`);
      await assertInert(page, `article ${id} q=${q}`);
      for (const a of await page.locator('a.original-link').all()) {
        assert.match(await a.getAttribute('href'), /^https?:\/\//, `${id}: original link`);
      }
    }
  }
  await page.close();
});

test('payload categories in the facets and the filter chips are text', async () => {
  const r = await (await fetch(new URL('/api/search?q=xsstoken', process.env.SEARCHD_URL))).json();
  const categories = r.facets.category.map((c) => c.value).filter((c) => /[<>"'`]/.test(c));
  assert.ok(categories.length >= 5, 'payload categories are facets');
  const page = await open(browser, '/?q=xsstoken');
  await assertInert(page, 'facets');
  // Check each payload category in turn: the chip and the facet list.
  for (const c of categories.slice(0, 12)) {
    await page.goto(new URL(`/?q=xsstoken&category=${encodeURIComponent(c)}`, process.env.SEARCHD_URL).href);
    await settled(page);
    const chips = await page.locator('#chips .chip').allTextContents();
    assert.ok(chips.some((t) => t.includes(c)), `the chip shows ${c} as text`);
    await assertInert(page, `category ${c}`);
  }
  await page.close();
});

test('payloads typed into the search box and the URL are text', async () => {
  const page = await open(browser, '/');
  for (const q of ['<script>window.__xss=1</script>', '"><img src=x onerror=window.__xss=1>', 'javascript:window.__xss=1']) {
    await page.goto(new URL(`/?q=${encodeURIComponent(q)}&doc=${encodeURIComponent(q)}`, process.env.SEARCHD_URL).href);
    await settled(page);
    await assertInert(page, `query ${q} as a document id`);
    await page.goto(new URL(`/?q=${encodeURIComponent(q)}`, process.env.SEARCHD_URL).href);
    await settled(page);
    assert.equal(await page.locator('#q').inputValue(), q);
    await assertInert(page, `query ${q}`);
  }
  await page.close();
});

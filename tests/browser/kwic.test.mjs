// The "In context" view: every occurrence of the phrase, aligned on the match, paged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, search, settled, params, status, screenshot, assertNoHorizontalScroll } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const lines = (page) => page.locator('#kwic .kwic-line');

// Where each line's match starts, and where its left context ends, in px from the viewport's left.
const geometry = (page) => page.$$eval('#kwic .kwic-line', (items) => items.map((li) => {
  const match = li.querySelector('.kwic-match').getBoundingClientRect();
  const left = li.querySelector('.kwic-left > span').getBoundingClientRect();
  return { matchLeft: match.left, leftRight: left.right, leftWidth: left.width };
}));

test('In context lists each occurrence of the phrase, aligned on the match', async () => {
  const page = await open(browser, '/');
  await search(page, 'camp liberty');
  const tab = page.getByRole('link', { name: 'In context' });
  await tab.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'kwic');
  await settled(page);

  assert.equal(params(page).get('q'), 'camp liberty');
  assert.equal(await page.getByRole('link', { name: 'In context' }).getAttribute('aria-current'), 'page');
  assert.equal(await page.locator('#results > li').count(), 0, 'the article list makes way');
  assert.equal(await lines(page).count(), 4);
  for (const m of await page.locator('#kwic .kwic-match').allTextContents()) assert.equal(m.toLowerCase(), 'camp liberty');
  assert.match(await status(page), /^Lines 1–4 of 4 occurrences of “camp liberty” in \d+ articles$/);

  // Every match starts at one x; every left context ends just before it.
  const rows = await geometry(page);
  for (const row of rows) {
    assert.ok(Math.abs(row.matchLeft - rows[0].matchLeft) < 1, `match at ${row.matchLeft}, first at ${rows[0].matchLeft}`);
    assert.ok(row.leftRight <= row.matchLeft + 0.5, 'the left context ends before the match');
    assert.ok(row.matchLeft - row.leftRight < 12, 'and right next to it');
  }
  assert.ok(rows.some((r) => r.leftWidth > 0), 'some line has left context');

  // Each line names its article and date.
  const first = lines(page).first();
  assert.match(await first.locator('.kwic-source').textContent(), /\d{4}$/);
  await screenshot(page, 'kwic', { fullPage: true });

  // A title opens the article; back returns to the lines.
  const link = first.locator('a.kwic-title');
  const id = await link.getAttribute('data-doc-id');
  await link.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
  await settled(page);
  assert.equal(params(page).get('doc'), id);
  assert.ok((await page.locator('#article-body mark').count()) >= 1, 'the phrase is marked in the article');
  await page.getByRole('link', { name: /Back to the results/ }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('doc'));
  await settled(page);
  assert.equal(params(page).get('view'), 'kwic');
  assert.equal(await lines(page).count(), 4);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.docId), id,
    'focus returns to the title of the article');
  assert.equal(await page.locator('#op-control').isHidden(), true, 'a phrase has no "all/any words"');
  page.assertClean();
  await page.close();
});

test('context is plain text: markup in articles shows as written', async () => {
  const page = await open(browser, '/?q=onerror&view=kwic');
  assert.equal(await page.locator('#kwic img, #kwic script').count(), 0);
  page.assertClean();
  await page.close();
});

test('In context pages through the lines, and can match any form of the words', async () => {
  const page = await open(browser, '/?q=the&view=kwic&sort=oldest');
  assert.equal(await lines(page).count(), 50);
  const firstPage = await page.locator('#kwic .kwic-line').allTextContents();
  assert.equal(await page.locator('#kwic .kwic-pager .disabled').textContent(), '← Previous');
  await page.getByRole('link', { name: 'Next →' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === '2');
  await settled(page);
  assert.match(await status(page), /^Lines 51–/);
  assert.equal(await page.locator('#kwic ol').getAttribute('start'), '51');
  const secondPage = await page.locator('#kwic .kwic-line').allTextContents();
  assert.notDeepEqual(secondPage, firstPage);
  await page.getByRole('link', { name: '← Previous' }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('page'));
  await settled(page);
  assert.deepEqual(await page.locator('#kwic .kwic-line').allTextContents(), firstPage, 'paging is stable');

  await page.goto(new URL('/?q=camp&view=kwic', page.url()).href);
  await settled(page);
  const exact = await lines(page).count();
  await page.getByRole('checkbox', { name: /Any form of the words/ }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('stem') === '1');
  await settled(page);
  const matches = await page.locator('#kwic .kwic-match').allTextContents();
  assert.ok(matches.length > exact, `${matches.length} lines with any form, ${exact} as written`);
  assert.ok(matches.some((m) => m.toLowerCase() === 'camps'));
  page.assertClean();
  await page.close();
});

test('a phrase that never occurs says so, and the view fits a phone', async () => {
  let page = await open(browser, '/?q=liberty+camp+zebra&view=kwic');
  assert.equal(await lines(page).count(), 0);
  assert.match(await page.locator('#kwic .empty-results').textContent(), /does not occur/);
  page.assertClean();
  await page.close();

  page = await open(browser, '/?q=camp&view=kwic', { width: 360, height: 740 });
  assert.ok((await lines(page).count()) > 10);
  await assertNoHorizontalScroll(page, 'kwic');
  const rows = await geometry(page);
  for (const row of rows) assert.ok(Math.abs(row.matchLeft - rows[0].matchLeft) < 1, 'aligned on a phone too');
  await screenshot(page, 'mobile-kwic', { fullPage: true });
  page.assertClean();
  await page.close();
});

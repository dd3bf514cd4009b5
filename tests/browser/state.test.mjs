// The whole state lives in the URL: shared URLs, reloads, back and forward.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, search, settled, params, titles, status } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// What a person sees of the search view.
async function view(page) {
  return {
    url: page.url(),
    q: await page.locator('#q').inputValue(),
    status: await status(page),
    titles: await titles(page),
    checked: await page.locator('#category-list input:checked').evaluateAll((boxes) => boxes.map((b) => b.value)),
    chips: await page.locator('#chips .chip').allTextContents(),
    sort: await page.locator('#sort').inputValue(),
    op: await page.locator('#op-control input:checked').inputValue(),
    page: await page.locator('#pagination [aria-current="page"]').count()
      ? await page.locator('#pagination [aria-current="page"]').textContent() : '',
    bars: await page.locator('#histogram .bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label'))),
  };
}

const SHARED = '/?q=camp+OR+nuclear&category=Human+rights&category=Nuclear+talks&from=2011&to=2016&sort=oldest&op=or&page=2';

test('a shared URL gives the same view, also after a reload', async () => {
  const first = await open(browser, SHARED);
  const seen = await view(first);
  assert.equal(seen.q, 'camp OR nuclear');
  assert.deepEqual([...seen.checked].sort(), ['Human rights', 'Nuclear talks']);
  assert.deepEqual(seen.chips, ['Category: Human rights×', 'Category: Nuclear talks×', 'Date: 2011 – 2016×']);
  assert.equal(seen.sort, 'oldest');
  assert.equal(seen.op, 'or');
  assert.equal(seen.page, '2');
  assert.ok(seen.titles.length > 0);

  const second = await open(browser, SHARED);
  assert.deepEqual(await view(second), seen, 'another window shows the same');
  await second.reload();
  await settled(second);
  assert.deepEqual(await view(second), seen, 'a reload shows the same');
  first.assertClean();
  second.assertClean();
  await first.close();
  await second.close();
});

test('a shared article URL opens the article, highlighted', async () => {
  const page = await open(browser, '/?q=%22refugee+camp%22&doc=t-2013-08');
  assert.equal(await page.locator('#article-title').textContent(), 'Winter storm floods tents in refugee camp');
  assert.deepEqual(await page.locator('#article-body mark').allTextContents(), ['refugee camp'], 'the phrase is one match');
  assert.equal(await page.locator('#q').inputValue(), '"refugee camp"');
  // No history to go back to: the link goes to the results of the same query.
  await page.getByRole('link', { name: /Back to the results/ }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('doc'));
  await settled(page);
  assert.equal(params(page).get('q'), '"refugee camp"');
  assert.ok((await titles(page)).includes('Winter storm floods tents in refugee camp'));
  page.assertClean();
  await page.close();
});

test('back and forward return to the previous states', async () => {
  const page = await open(browser, '/');
  const landing = await view(page);
  await search(page, 'camp');
  const results = await view(page);

  await page.getByRole('checkbox', { name: /Iranian opposition/ }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('category'));
  await settled(page);
  const filtered = await view(page);
  assert.notDeepEqual(filtered.titles, results.titles);

  await page.locator('#results .hit-title a').first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
  await settled(page);
  const articleTitle = await page.locator('#article-title').textContent();

  await page.goBack();
  await settled(page);
  assert.deepEqual(await view(page), filtered, 'back: the filtered results');
  await page.goBack();
  await settled(page);
  assert.deepEqual(await view(page), results, 'back: the results before the filter');
  assert.equal(await page.getByRole('checkbox', { name: /Iranian opposition/ }).isChecked(), false);
  await page.goBack();
  await settled(page);
  assert.deepEqual(await view(page), landing, 'back: the landing page');
  assert.equal(await page.locator('#q').inputValue(), '');

  await page.goForward();
  await settled(page);
  assert.deepEqual(await view(page), results, 'forward: the results');
  await page.goForward();
  await page.goForward();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
  await settled(page);
  assert.equal(await page.locator('#article-title').textContent(), articleTitle, 'forward: the article');
  page.assertClean();
  await page.close();
});

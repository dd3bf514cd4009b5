// The article view, and text from the index that looks like markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, search, settled, params, titles, screenshot } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const XSS_TITLE = '<img src=x onerror=alert(1)>';

test('an article opens from the results with every match highlighted, and goes back', async () => {
  const page = await open(browser, '/?q=camp');
  const link = page.locator('#results .hit-title a', { hasText: 'Rockets hit Camp Liberty' });
  await link.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
  await settled(page);

  assert.equal(params(page).get('doc'), 't-2013-02');
  assert.equal(params(page).get('q'), 'camp', 'the query stays in the URL');
  const title = page.getByRole('heading', { level: 1 });
  assert.equal(await title.textContent(), 'Rockets hit Camp Liberty, killing residents');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article-title', 'focus moves to the title');
  assert.equal(await page.locator('#article-title mark').count(), 1);
  const marks = await page.locator('#article-body mark').allTextContents();
  assert.equal(marks.length, 4, 'every match in the body');
  for (const m of marks) assert.equal(m.toLowerCase(), 'camp');
  assert.equal(await page.locator('#article-body p').count(), 2, 'paragraphs');
  assert.match(await page.locator('.article-meta').textContent(), /9 February 2013.*Reza Tavakoli/);
  assert.equal(await page.locator('.article-categories .tag').textContent(), 'Iranian opposition');
  const original = page.locator('a.original-link');
  assert.equal(await original.getAttribute('href'), 'https://news.example.org/t-2013-02');
  assert.equal(await original.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(await page.locator('#filters').isHidden(), true, 'the filters make room for reading');

  await page.getByRole('button', { name: 'Next match' }).click();
  assert.equal(await page.locator('.match-count').textContent(), 'Match 1 of 4');
  assert.equal(await page.locator('#article-body mark.current').count(), 1);
  await screenshot(page, 'article', { fullPage: true });

  await page.getByRole('link', { name: /Back to the results/ }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('doc'));
  await settled(page);
  assert.equal(params(page).get('q'), 'camp');
  assert.equal(await page.locator('#results > li').count(), 10);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.docId), 't-2013-02',
    'focus returns to the link of the article');
  page.assertClean();
  await page.close();
});

test('a category of the article searches that category', async () => {
  const page = await open(browser, '/?doc=t-2014-01');
  await page.getByRole('link', { name: 'Search the category Economy' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('category') === 'Economy');
  await settled(page);
  assert.equal(await page.getByRole('checkbox', { name: /Economy/ }).isChecked(), true);
  assert.equal(await page.locator('#results > li').count(), 6);
  page.assertClean();
  await page.close();
});

test('markup in a title, an author and a URL is shown as text and never runs', async () => {
  const page = await open(browser, '/');
  await search(page, 'onerror');
  const hit = page.locator('#results .hit-title a').first();
  assert.equal(await hit.textContent(), XSS_TITLE);
  assert.equal(await page.locator('#results img, #results svg, #results script').count(), 0);
  assert.equal(await hit.locator('mark').textContent(), 'onerror');
  assert.equal(await page.locator('#results .hit-author').textContent(), '"><svg onload=alert(3)>');
  assert.equal(await page.locator('#results .hit-source').count(), 0, 'a javascript: URL is no source line');

  await hit.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('doc') === 't-xss-01');
  await settled(page);
  assert.equal(await page.locator('#article-title').textContent(), XSS_TITLE);
  assert.equal(await page.locator('.article-author').textContent(), 'By "><svg onload=alert(3)>');
  assert.equal(await page.locator('#article-view img, #article-view svg, #article-view script').count(), 0);
  // javascript: is shown, not linked.
  assert.equal(await page.locator('#article-view a[href^="javascript"]').count(), 0);
  assert.equal(await page.locator('.original-text').textContent(), 'javascript:alert(2)');
  assert.equal(await page.locator('a.original-link').count(), 0);
  assert.equal(await page.title(), `${XSS_TITLE} — News archive search`);

  // The browse list (no query) shows it too, as text.
  await page.goto(new URL('/?category=Culture', page.url()).href);
  await settled(page);
  assert.ok((await titles(page)).includes(XSS_TITLE));
  await page.waitForTimeout(300); // give an injected handler every chance to fire
  page.assertClean();
  await page.close();
});

test('an undated article says so, and a non-web URL is shown as text', async () => {
  const page = await open(browser, '/?q=exile');
  assert.equal(await page.locator('#results .hit .undated').first().textContent(), 'undated');
  await page.locator('#results .hit-title a').first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('doc') === 't-undated-01');
  await settled(page);
  assert.match(await page.locator('.article-meta').textContent(), /^Undated/);
  assert.equal(await page.locator('.original-text').textContent(), 'ftp://archive.example.org/essays/exile.txt');
  assert.equal(await page.locator('a.original-link').count(), 0);
  page.assertClean();
  await page.close();
});

test('an unknown article id says it is not in the archive', async () => {
  const page = await open(browser, '/?doc=no-such-article');
  assert.equal(await page.getByRole('alert').locator('h1').textContent(), 'This article is not in the archive');
  await page.getByRole('link', { name: /Back to the results/ }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('doc'));
  await settled(page);
  assert.equal(await page.locator('#results > li').count(), 10);
  page.assertClean();
  await page.close();
});

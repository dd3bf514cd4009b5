// Exporting the current search (CSV, JSON Lines) and subscribing to it as a feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, open, search, settled, status, screenshot, BASE } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const hrefParams = async (locator) => new URL(await locator.getAttribute('href'), BASE).searchParams;

test('the CSV export link carries the current query and downloads every match', async () => {
  const page = await open(browser, '/?q=camp');
  assert.equal(await status(page), '12 results · page 1 of 2');
  await screenshot(page, 'export-links');
  const csv = page.getByRole('link', { name: 'CSV' });
  let p = await hrefParams(csv);
  assert.equal(p.get('q'), 'camp');
  assert.equal(p.get('format'), 'csv');
  assert.equal(p.get('page'), null, 'every match, not one page');

  const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
  assert.equal(download.suggestedFilename(), 'search-camp.csv');
  const text = await readFile(await download.path(), 'utf8');
  const lines = text.split('\r\n').filter(Boolean);
  assert.equal(lines[0], 'id,title,date,categories,author,url,language,snippet');
  assert.equal(lines.length - 1, 12, 'one row per match, as many as the page counts');

  // Changing the order or a filter changes what the link exports.
  await page.selectOption('#sort', 'newest');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'newest');
  await settled(page);
  p = await hrefParams(csv);
  assert.equal(p.get('sort'), 'newest');
  await search(page, 'bank');
  p = await hrefParams(csv);
  assert.equal(p.get('q'), 'bank');
  page.assertClean();
  await page.close();
});

test('the JSON Lines link downloads one object per match', async () => {
  const page = await open(browser, '/?q=camp&page=2');
  const jsonl = page.getByRole('link', { name: 'JSON Lines' });
  const [download] = await Promise.all([page.waitForEvent('download'), jsonl.click()]);
  assert.equal(download.suggestedFilename(), 'search-camp.jsonl');
  const rows = (await readFile(await download.path(), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
  assert.equal(rows.length, 12, 'all pages, not page 2');
  assert.ok(rows.every((r) => typeof r.title === 'string' && !r.snippet.includes('<mark>')));
  page.assertClean();
  await page.close();
});

test('the feed link and the page\'s feed <link> follow the current query', async () => {
  const page = await open(browser, '/?q=camp&category=Human%20rights');
  const feed = page.getByRole('link', { name: 'Feed' });
  const alternate = page.locator('link[rel="alternate"][type="application/atom+xml"]');
  assert.equal(await alternate.count(), 1);
  for (const el of [feed, alternate]) {
    const url = new URL(await el.getAttribute('href'), BASE);
    assert.equal(url.pathname, '/feeds/search.atom');
    assert.equal(url.searchParams.get('q'), 'camp');
    assert.deepEqual(url.searchParams.getAll('category'), ['Human rights']);
  }
  assert.match(await alternate.getAttribute('title'), /camp/);

  // The feed answers, as a feed reader would fetch it.
  const answer = await page.request.get(new URL(await feed.getAttribute('href'), BASE).href);
  assert.equal(answer.status(), 200);
  assert.match(answer.headers()['content-type'], /^application\/atom\+xml/);
  const xml = await answer.text();
  assert.match(xml, /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  assert.ok((xml.match(/<entry>/g) || []).length > 0);

  await search(page, 'oil');
  const url = new URL(await alternate.getAttribute('href'), BASE);
  assert.equal(url.searchParams.get('q'), 'oil');
  assert.deepEqual(url.searchParams.getAll('category'), ['Human rights']);
  page.assertClean();
  await page.close();
});

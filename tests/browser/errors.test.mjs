// Messages: a query the server refuses, no results, a server that cannot be reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, search, settled, status, BASE, screenshot } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a bad query shows the server\'s message', async () => {
  const answer = await fetch(new URL('/api/search?q=date%3A2013-13-45', BASE), { signal: AbortSignal.timeout(5000) });
  assert.equal(answer.status, 400);
  const { error } = await answer.json();

  const page = await open(browser, '/');
  await search(page, 'date:2013-13-45');
  const alert = page.getByRole('alert');
  assert.equal(await alert.locator('h2').textContent(), 'This query cannot be searched');
  assert.equal(await alert.locator('.server-message').textContent(), error.message);
  if (Number.isInteger(error.position)) {
    assert.equal(await alert.locator('.query-problem').textContent(), 'date:2013-13-45'.slice(error.position));
  }
  assert.equal(await page.locator('#results > li').count(), 0);
  assert.equal(await page.locator('#timeline').isHidden(), true);
  await screenshot(page, 'error-bad-query');

  // Fixing the query brings results back.
  await search(page, 'date:2013-12');
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.equal(await status(page), '1 result');
  page.assertClean();
  await page.close();
});

test('a bad date in the filter form is explained before searching', async () => {
  const page = await open(browser, '/?q=camp');
  await page.getByLabel('From').fill('2013-13');
  await page.getByRole('button', { name: 'Apply dates' }).click();
  assert.match(await page.locator('#date-error').textContent(), /“2013-13” is not a date/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'date-from');
  assert.equal(new URL(page.url()).searchParams.has('from'), false);

  await page.getByLabel('From').fill('2014');
  await page.getByLabel('To').fill('2016-06');
  await page.getByRole('button', { name: 'Apply dates' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2016-06');
  await settled(page);
  assert.equal(await status(page), '2 results');
  assert.match(await page.locator('#chips .chip').textContent(), /Date: 2014 – June 2016/);
  page.assertClean();
  await page.close();
});

test('no results suggests removing the filters', async () => {
  const page = await open(browser, '/?q=embargo&category=Human+rights');
  assert.equal(await status(page), '0 results');
  const message = page.locator('.empty-results');
  assert.equal(await message.locator('h2').textContent(), 'No articles match “embargo”');
  await message.getByRole('button', { name: 'Remove all filters' }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('category'));
  await settled(page);
  assert.equal(await status(page), '1 result');
  assert.equal(await page.locator('.empty-results').count(), 0);
  page.assertClean();
  await page.close();
});

test('an unreachable server is reported, and "Try again" recovers', async () => {
  const page = await open(browser, '/');
  await page.route('**/api/search**', (route) => route.abort('connectionrefused'));
  await search(page, 'liberty');
  const alert = page.getByRole('alert');
  assert.equal(await alert.locator('h2').textContent(), 'The search server cannot be reached');
  await page.unroute('**/api/search**');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await settled(page);
  assert.equal(await page.getByRole('alert').count(), 0);
  assert.ok((await page.locator('#results > li').count()) > 0);
  page.assertClean();
  await page.close();
});

test('forgiven query problems are shown as a note', async () => {
  const page = await open(browser, '/?q=%22camp+liberty');
  const answer = await (await fetch(new URL('/api/search?q=%22camp+liberty', BASE), { signal: AbortSignal.timeout(5000) })).json();
  const notes = await page.locator('.warning-note').allTextContents();
  assert.deepEqual(notes, answer.warnings.map((w) => `Note: ${w}`));
  assert.ok((await page.locator('#results > li').count()) > 0);
  page.assertClean();
  await page.close();
});

// Searching: typing, highlights, categories, the date histogram, pagination, sort, did you mean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, search, settled, params, titles, status, screenshot } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('typing a query searches as you type and highlights the matches', async () => {
  const page = await open(browser, '/');
  assert.match(await status(page), /27 articles in the archive/);
  const historyBefore = await page.evaluate(() => history.length);

  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q', '"/" focuses the search box');
  await page.keyboard.type('camp', { delay: 40 });
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'camp');
  await settled(page);

  assert.equal(await status(page), '12 results · page 1 of 2');
  assert.ok(await page.locator('#results .hit-title mark').count() > 0, 'a <mark> in a title');
  assert.ok(await page.locator('#results .hit-snippet mark').count() > 0, 'a <mark> in a snippet');
  assert.equal((await page.locator('#results .hit-title mark').first().textContent()).toLowerCase(), 'camp');
  assert.equal(await page.locator('#results > li').count(), 10);
  assert.match(await page.locator('#status .status-time').textContent(), /\d ms\)/);
  assert.equal(await page.evaluate(() => history.length), historyBefore + 1, 'typing makes one history entry');
  await screenshot(page, 'results', { fullPage: true });
  page.assertClean();
  await page.close();
});

test('checking categories filters the results (several = any of them) and updates the counts', async () => {
  const page = await open(browser, '/?q=camp');
  const yearLabelsBefore = await page.locator('#histogram .bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')));

  await page.getByRole('checkbox', { name: /Human rights/ }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('category').length === 1);
  await settled(page);
  assert.deepEqual(params(page).getAll('category'), ['Human rights']);
  assert.equal(await status(page), '5 results');
  const categories = await page.locator('#results .hit-categories').allTextContents();
  assert.equal(categories.length, 5);
  for (const c of categories) assert.match(c, /Human rights/);
  assert.equal(await page.locator('#chips .chip').count(), 1);
  assert.match(await page.locator('#chips .chip').textContent(), /Category: Human rights/);
  const yearLabelsAfter = await page.locator('#histogram .bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')));
  assert.notDeepEqual(yearLabelsAfter, yearLabelsBefore, 'the histogram counts change');
  // The other categories stay listed with their counts, so a second one can be added.
  const other = page.getByRole('checkbox', { name: /Iranian opposition/ });
  assert.equal(await other.isChecked(), false);

  await other.check();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('category').length === 2);
  await settled(page);
  assert.equal(await status(page), '11 results · page 1 of 2');
  assert.equal(await page.locator('#chips .chip').count(), 2);

  // Removing a chip removes its filter.
  await page.getByRole('button', { name: 'Remove filter Category: Human rights' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll('category').length === 1);
  await settled(page);
  assert.equal(await status(page), '6 results');
  assert.equal(await page.getByRole('checkbox', { name: /Human rights/ }).isChecked(), false);
  page.assertClean();
  await page.close();
});

test('clicking a histogram bar filters to its year, then the bars are months', async () => {
  const page = await open(browser, '/?q=camp');
  assert.equal(await page.locator('#timeline-heading').textContent(), 'Articles per year');
  const bar2013 = page.getByRole('button', { name: '2013: 4 articles' });
  await bar2013.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2013');
  await settled(page);

  assert.equal(params(page).get('from'), '2013');
  assert.equal(params(page).get('to'), '2013');
  assert.equal(await status(page), '4 results');
  assert.match(await page.locator('#chips .chip').textContent(), /Date: 2013/);
  for (const d of await page.locator('#results time').evaluateAll((ts) => ts.map((t) => t.dateTime))) assert.match(d, /^2013-/);
  assert.equal(await page.locator('#timeline-heading').textContent(), 'Articles per month');
  assert.equal(await page.locator('#histogram .bar').count(), 12);
  await screenshot(page, 'facets-histogram');

  await page.getByRole('button', { name: 'February 2013: 2 articles' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2013-02');
  await settled(page);
  assert.equal(params(page).get('to'), '2013-02');
  assert.equal(await status(page), '2 results');
  assert.match(await page.locator('#chips .chip').textContent(), /Date: February 2013/);
  // The months around keep their counts, to move or widen the period.
  assert.equal(await page.getByRole('button', { name: 'February 2013: 2 articles' }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'September 2013: 1 article' }).getAttribute('aria-pressed'), 'false');

  await page.getByRole('button', { name: 'Show all years' }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('from'));
  await settled(page);
  assert.equal(await status(page), '12 results · page 1 of 2');
  page.assertClean();
  await page.close();
});

test('dragging across histogram bars selects a range of years', async () => {
  const page = await open(browser, '/?q=camp');
  const first = await page.getByRole('button', { name: /^2011:/ }).boundingBox();
  const last = await page.getByRole('button', { name: /^2012:/ }).boundingBox();
  await page.mouse.move(first.x + first.width / 2, first.y + first.height - 5);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height - 5, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2012');
  await settled(page);
  assert.equal(params(page).get('from'), '2011');
  assert.equal(await status(page), '4 results');
  assert.match(await page.locator('#chips .chip').textContent(), /Date: 2011 – 2012/);
  page.assertClean();
  await page.close();
});

test('the histogram works from the keyboard', async () => {
  const page = await open(browser, '/?q=camp');
  const names = await page.locator('#histogram .bar').evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-label')));
  assert.deepEqual(names, ['2011: 2 articles', '2012: 2 articles', '2013: 4 articles', '2014: 1 article',
    '2015: 1 article', '2016: 1 article']);
  // One tab stop (the tallest bar); arrows move along the bars.
  assert.equal(await page.locator('#histogram .bar[tabindex="0"]').count(), 1);
  await page.locator('#histogram .bar[tabindex="0"]').focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), '2012: 2 articles');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2011');
  await settled(page);
  assert.equal(await status(page), '2 results');
  // Now by month; the focus stays in the histogram, on the first selected month with articles.
  const focused = () => page.evaluate(() => [document.activeElement.getAttribute('aria-label'), document.activeElement.getAttribute('aria-pressed')]);
  assert.deepEqual(await focused(), ['March 2011: 1 article', 'true']);

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('from') === '2011-03');
  await settled(page);
  assert.equal(await status(page), '1 result');
  assert.deepEqual(await focused(), ['March 2011: 1 article', 'true']);
  // The other months keep their counts; Shift+Enter extends the period to the focused one.
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
  assert.deepEqual(await focused(), ['November 2011: 1 article', 'false']);
  await page.keyboard.press('Shift+Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('to') === '2011-11');
  await settled(page);
  assert.equal(params(page).get('from'), '2011-03');
  assert.equal(await status(page), '2 results');
  assert.match(await page.locator('#chips .chip').textContent(), /Date: March 2011 – November 2011/);
  page.assertClean();
  await page.close();
});

test('pagination moves between pages and marks the current one', async () => {
  const page = await open(browser, '/?q=camp');
  const firstPage = await titles(page);
  const nav = page.getByRole('navigation', { name: 'Pages of results' });
  assert.equal(await nav.locator('[aria-current="page"]').textContent(), '1');

  await nav.getByRole('link', { name: 'Next page' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === '2');
  await settled(page);
  assert.equal(await status(page), '12 results · page 2 of 2');
  const secondPage = await titles(page);
  assert.equal(secondPage.length, 2);
  for (const t of secondPage) assert.ok(!firstPage.includes(t), `"${t}" is not on page 1 too`);
  assert.equal(await nav.locator('[aria-current="page"]').textContent(), '2');
  assert.equal(await page.locator('#results').getAttribute('start'), '11');

  await nav.getByRole('link', { name: 'Page 1' }).click();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('page'));
  await settled(page);
  assert.deepEqual(await titles(page), firstPage);
  page.assertClean();
  await page.close();
});

test('sort by date and match any word', async () => {
  const page = await open(browser, '/?q=camp');
  await page.getByLabel('Sort').selectOption('newest');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'newest');
  await settled(page);
  const dates = await page.locator('#results time').evaluateAll((ts) => ts.map((t) => t.dateTime));
  assert.deepEqual(dates, [...dates].sort().reverse(), 'newest first');

  await page.getByLabel('Sort').selectOption('oldest');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('sort') === 'oldest');
  await settled(page);
  const oldest = await page.locator('#results time').evaluateAll((ts) => ts.map((t) => t.dateTime));
  assert.deepEqual(oldest, [...oldest].sort(), 'oldest first');

  await search(page, 'ashraf albania');
  assert.equal(await status(page), '0 results');
  await page.getByRole('radio', { name: 'Any word' }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('op') === 'or');
  await settled(page);
  assert.match(await status(page), /^[4-9] results$/);
  page.assertClean();
  await page.close();
});

test('"did you mean" offers a correction that searches it when clicked', async () => {
  const page = await open(browser, '/?q=refuge+campp');
  const link = page.locator('.did-you-mean a');
  assert.equal(await link.textContent(), 'refugee camp');
  await link.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'refugee camp');
  await settled(page);
  assert.equal(await page.locator('#q').inputValue(), 'refugee camp');
  assert.ok((await page.locator('#results > li').count()) > 0);
  page.assertClean();
  await page.close();
});

test('suggestions complete the word being typed', async () => {
  const page = await open(browser, '/');
  await page.locator('#q').pressSequentially('camp lib', { delay: 30 });
  const listbox = page.getByRole('listbox', { name: 'Suggestions' });
  await listbox.waitFor();
  assert.equal(await page.locator('#q').getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('ArrowDown');
  const active = await page.locator('#q').getAttribute('aria-activedescendant');
  assert.equal(await page.locator(`#${active}`).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator(`#${active} .suggestion-text`).textContent(), 'camp liberty');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'camp liberty');
  await settled(page);
  assert.equal(await listbox.isHidden(), true, 'the list closes');
  assert.equal(await page.locator('#q').inputValue(), 'camp liberty');
  assert.match(await status(page), /^[1-9] results?$/);
  page.assertClean();
  await page.close();
});

// Under the article view: the similar articles, and the citation line with its copy button.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, params, screenshot, BASE } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const similarDone = (page) => page.waitForSelector('#similar-articles[data-state="done"]');
const today = (page) => page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

test('similar articles are listed under an article, and a link opens the other article', async () => {
  const page = await open(browser, '/?q=camp&doc=t-2013-02');
  await similarDone(page);
  const section = page.locator('#similar-articles');
  assert.equal(await section.getByRole('heading', { level: 2 }).textContent(), 'Similar articles');
  const links = section.locator('.similar-list a');
  const count = await links.count();
  assert.ok(count >= 1 && count <= 5, `1 to 5 similar articles, got ${count}`);
  const ids = await links.evaluateAll((as) => as.map((a) => a.dataset.docId));
  assert.ok(!ids.includes('t-2013-02'), 'the article itself is not similar to itself');
  // Each has a date, or says it has none.
  for (const item of await section.locator('.similar-list li').all()) {
    assert.equal(await item.locator('time, .undated').count(), 1);
  }
  // The best match of a rocket attack on Camp Liberty is another Camp Liberty or Ashraf story.
  assert.match(await links.first().textContent(), /Camp (Liberty|Ashraf)/);
  await screenshot(page, 'similar', { fullPage: true });

  const targetTitle = await links.first().textContent();
  const targetId = ids[0];
  assert.equal(new URL(await links.first().getAttribute('href'), BASE).searchParams.get('doc'), targetId);
  await links.first().click();
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('doc') === id, targetId);
  await settled(page);
  assert.equal(params(page).get('q'), 'camp', 'the query stays in the URL');
  assert.equal(await page.locator('#article-title').textContent(), targetTitle);
  await similarDone(page);
  const again = await page.locator('#similar-articles .similar-list a').evaluateAll((as) => as.map((a) => a.dataset.docId));
  assert.ok(!again.includes(targetId), 'the new article lists its own similar articles');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'article-title', 'focus moves to the title');

  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('doc') === 't-2013-02');
  await settled(page);
  assert.equal(await page.locator('#article-title').textContent(), 'Rockets hit Camp Liberty, killing residents');
  page.assertClean();
  await page.close();
});

test('the similar list says when it cannot load, and offers to try again', async () => {
  const page = await browser.context.newPage();
  let fail = true;
  await page.route('**/api/doc/*/similar*', (route) => (fail
    ? route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"the index cannot be read right now"}}' })
    : route.fallback()));
  await page.goto(new URL('/?doc=t-2013-02', BASE).href);
  await page.waitForSelector('#similar-articles[data-state="error"]');
  assert.match(await page.locator('#similar-articles [role="alert"]').textContent(), /cannot be shown: the index cannot be read/);
  assert.equal(await page.locator('#article-title').textContent(), 'Rockets hit Camp Liberty, killing residents',
    'the article is shown all the same');
  fail = false;
  await page.locator('#similar-articles').getByRole('button', { name: 'Try again' }).click();
  await similarDone(page);
  assert.ok(await page.locator('#similar-articles .similar-list a').count() >= 1);
  await page.close();
});

test('the citation line shows title, site, date, URL and the day accessed, and copies to the clipboard', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  const page = await open(browser, '/?doc=t-2013-02');
  const line = page.locator('#citation-text');
  const accessed = await today(page);
  const expected = 'Rockets hit Camp Liberty, killing residents. news.example.org, 2013-02-09. ' +
    `https://news.example.org/t-2013-02. Accessed ${accessed}.`;
  assert.equal(await line.textContent(), expected);
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === 'Copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), expected);
  page.assertClean();
  await page.close();
});

test('an undated article is cited "n.d.", and markup in a citation stays text', async () => {
  let page = await open(browser, '/?doc=t-undated-01');
  const accessed = await today(page);
  assert.equal(await page.locator('#citation-text').textContent(),
    `Essay on exile and memory. archive.example.org, n.d. ftp://archive.example.org/essays/exile.txt. Accessed ${accessed}.`);
  page.assertClean();
  await page.close();

  page = await open(browser, '/?doc=t-xss-01');
  assert.equal(await page.locator('#citation-text').textContent(),
    `<img src=x onerror=alert(1)>. 2014-03-03. javascript:alert(2). Accessed ${accessed}.`);
  assert.equal(await page.locator('.citation img, .citation a, .citation script').count(), 0);
  page.assertClean();
  await page.close();
});

test('without a clipboard, "Copy citation" selects the line for the reader to copy', async () => {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.goto(new URL('/?doc=t-2013-02', BASE).href);
  await settled(page);
  await page.getByRole('button', { name: 'Copy citation' }).click();
  await page.waitForFunction(() => /press Ctrl\+C/.test(document.querySelector('.copy-status')?.textContent || ''));
  assert.equal(await page.evaluate(() => window.getSelection().toString()),
    await page.locator('#citation-text').textContent());
  await page.close();
});

// Versions of one story: the result list asks for one hit per story, a hit with other versions
// says how many and links to them all, and a chip leaves that story again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, params, titles, screenshot, BASE } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// The fixture has no reprints, so searchd's real answer is given versions on its first hit on the
// way to the page; everything else (requests, URLs, the page's drawing) is real.
const GROUP = '00c0ffee00c0ffee';

test('a hit with other versions links to them, and the chip leaves the story', async () => {
  const page = await open(browser, '/');
  const asked = [];
  await page.route('**/api/search?**', async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.searchParams);
    const response = await route.fetch();
    const json = await response.json();
    if (url.searchParams.get('versions') === 'collapse' && json.hits?.length && url.searchParams.get('size') !== '1') {
      json.hits[0] = { ...json.hits[0], versions: 2, version_group: GROUP };
    }
    route.fulfill({ response, json });
  });
  await page.goto(new URL('/?q=camp', BASE).href);
  await settled(page);
  const listed = asked.filter((p) => p.get('size') !== '1').at(-1);
  assert.equal(listed.get('versions'), 'collapse', 'the result list asks for one hit per story');
  assert.equal(listed.get('version_group'), null);

  const link = page.locator('#results .hit').first().locator('.hit-versions a');
  assert.equal(await link.textContent(), '2 similar versions');
  assert.match(await link.getAttribute('href'), new RegExp(`version_group=${GROUP}`));
  assert.equal(await page.locator('#results .hit-versions').count(), 1, 'only the hit with versions says so');
  await screenshot(page, 'versions');

  await link.click();
  await settled(page);
  assert.equal(params(page).get('version_group'), GROUP);
  assert.equal(params(page).get('q'), 'camp');
  const expanded = asked.filter((p) => p.get('size') !== '1').at(-1);
  assert.equal(expanded.get('version_group'), GROUP, 'the story is asked for by its key');
  assert.equal(expanded.get('versions'), null, 'and every version of it is listed');
  const chip = page.getByRole('button', { name: 'Remove filter Versions of one story' });
  assert.equal(await chip.count(), 1);

  // Back to every story: the chip removes the filter, and the URL forgets the key.
  const before = await titles(page);
  await chip.click();
  await settled(page);
  assert.equal(params(page).get('version_group'), null);
  assert.ok((await titles(page)).length >= before.length);
  page.assertClean();
});

test('a bad story key in the URL is dropped, not sent', async () => {
  const page = await open(browser, '/?q=camp&version_group=%3Cscript%3E');
  assert.equal(params(page).get('version_group'), '<script>');
  assert.ok((await titles(page)).length > 0, 'the search runs without the bad key');
});

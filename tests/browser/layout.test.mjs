// Small screens, keyboard use, landmarks and names for screen readers, the help panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, settled, status, screenshot, assertNoHorizontalScroll } from './support/browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { width: 360, height: 740 };

test('at 360 px wide nothing scrolls sideways, and the filters fold away', async () => {
  const page = await open(browser, '/?q=camp', PHONE);
  await assertNoHorizontalScroll(page, 'results');
  const toggle = page.getByRole('button', { name: /^Filters/ });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#category-list').isVisible(), false);
  await screenshot(page, 'mobile-results', { fullPage: true });

  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('#category-list').isVisible(), true);
  await page.getByRole('checkbox', { name: /Human rights/ }).check();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('category'));
  await settled(page);
  assert.match(await toggle.textContent(), /1 active/);
  await assertNoHorizontalScroll(page, 'filters open');
  await page.getByRole('button', { name: '2013: 1 article' }).click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('from'));
  await settled(page);
  await assertNoHorizontalScroll(page, 'months');
  await screenshot(page, 'mobile-filters');

  await page.locator('#results .hit-title a').first().click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
  await settled(page);
  await assertNoHorizontalScroll(page, 'article');
  await screenshot(page, 'mobile-article', { fullPage: true });

  await page.goto(new URL('/?q=onerror', page.url()).href);
  await settled(page);
  await page.locator('#help summary').click();
  await assertNoHorizontalScroll(page, 'help open');
  page.assertClean();
  await page.close();
});

test('the page can be used with the keyboard alone', async () => {
  const page = await open(browser, '/');
  // Tab order: skip link, home, search box.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'home-link');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  await page.keyboard.type('liberty');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'liberty');
  await settled(page);

  // Focus is visible: a focused control has an outline.
  await page.keyboard.press('Tab'); // search button
  await page.keyboard.press('Tab'); // search tips
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#help').getAttribute('open'), '');
  assert.ok(await page.locator('#help').getByText('category:"Human rights"').isVisible());
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#help').getAttribute('open'), null);

  // A category checkbox toggles with Space.
  await page.getByRole('checkbox', { name: /Iranian opposition/ }).focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => new URLSearchParams(location.search).has('category'));
  await settled(page);
  assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox', 'focus stays on the checkbox');

  // A result opens with Enter; "/" comes back to the search box from anywhere but a field.
  await page.locator('#results .hit-title a').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => new URLSearchParams(location.search).has('doc'));
  await settled(page);
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
  assert.equal(await page.locator('#q').inputValue(), 'liberty', '"/" is not typed into the box');
  page.assertClean();
  await page.close();
});

test('landmarks, labels and live regions for screen readers', async () => {
  const page = await open(browser, '/?q=camp');
  assert.equal(await page.getByRole('banner').count(), 1);
  assert.equal(await page.getByRole('main').count(), 1);
  assert.equal(await page.getByRole('search').count(), 1);
  assert.equal(await page.getByRole('complementary', { name: 'Filters' }).count(), 1);
  assert.equal(await page.getByRole('navigation', { name: 'Pages of results' }).count(), 1);
  assert.equal(await page.getByRole('combobox', { name: 'Search the archive' }).count(), 1);
  const live = page.locator('#status');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  assert.match(await live.textContent(), /12 results/);
  assert.equal(await page.getByRole('group', { name: 'Articles per year' }).count(), 1);
  assert.equal(await page.getByRole('button', { name: '2013: 4 articles' }).count(), 1);
  assert.equal(await page.getByRole('combobox', { name: 'Sort' }).count(), 1);
  assert.equal(await page.getByRole('radio', { name: 'All words' }).isChecked(), true);
  // Every image has a text alternative, every form control a name.
  assert.equal(await page.locator('img:not([alt])').count(), 0);
  const unnamed = await page.locator('input, select, button').evaluateAll((controls) => controls
    .filter((c) => c.offsetParent !== null)
    .filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || c.textContent.trim()))
    .map((c) => c.outerHTML));
  assert.deepEqual(unnamed, []);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.title(), 'camp — News archive search');
  page.assertClean();
  await page.close();
});

test('text and background colours have enough contrast', async () => {
  for (const scheme of ['light', 'dark']) {
    const page = await open(browser, '/?q=camp&category=Human+rights');
    await page.emulateMedia({ colorScheme: scheme });
    const failures = await page.evaluate(() => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => {
        const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const background = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
        }
        return rgb(getComputedStyle(document.body).backgroundColor).slice(0, 3);
      };
      const out = [];
      for (const el of document.querySelectorAll('body *')) {
        if (el.offsetParent === null || el.closest('[aria-hidden="true"], .visually-hidden')) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim());
        if (!own) continue;
        const style = getComputedStyle(el);
        if (Number(style.opacity) < 1) continue;
        const fg = rgb(style.color).slice(0, 3);
        const [l1, l2] = [lum(fg), lum(background(el))].sort((a, b) => b - a);
        const ratio = (l1 + 0.05) / (l2 + 0.05);
        const large = parseFloat(style.fontSize) >= 24 || (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}" ${ratio.toFixed(2)}`);
      }
      return out;
    });
    assert.deepEqual(failures, [], `${scheme} scheme`);
    if (scheme === 'dark') await screenshot(page, 'results-dark');
    page.assertClean();
    await page.close();
  }
});

test('the landing page shows the newest articles and how to start', async () => {
  const page = await open(browser, '/');
  assert.match(await page.locator('.intro-lede').textContent(), /Search 27 articles/);
  assert.match(await status(page), /^27 articles in the archive · newest first · page 1 of 3$/);
  assert.equal(await page.locator('#timeline-note').textContent(), '1 undated article not shown here.');
  assert.equal(await page.locator('#op-control').isHidden(), true, '"All words / Any word" waits for words');
  const dates = await page.locator('#results time').evaluateAll((ts) => ts.map((t) => t.dateTime));
  assert.deepEqual(dates, [...dates].sort().reverse());
  await page.mouse.move(0, 0);
  await screenshot(page, 'landing');
  page.assertClean();
  await page.close();
});

// Shared setup of the browser tests: Debian's Chromium driven by playwright-core, pointed at the
// searchd that run.sh started (SEARCHD_URL). Every page records what must never happen: a dialog
// (alert/confirm/prompt), a script error, a Content-Security-Policy violation, a request that
// leaves searchd's origin (it is aborted).

import assert from 'node:assert/strict';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.SEARCHD_URL;
if (!BASE) throw new Error('SEARCHD_URL is not set: run the tests through tests/browser/run.sh');
const ORIGIN = new URL(BASE).origin;
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || '';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Start Chromium with a fresh profile. Close it with `await browser.close()`. */
export async function launch() {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'libsearch-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(10_000);
  context.setDefaultNavigationTimeout(15_000);
  const offOrigin = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || new URL(url).origin === ORIGIN) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    offOrigin,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A new page of `browser` at `url` (relative to searchd), with its problems recorded.
 * Call `assertClean()` at the end of the test.
 */
export async function open(browser, url = '/', { width = 1280, height = 900 } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height });
  const problems = { dialogs: [], errors: [], csp: [] };
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  page.on('pageerror', (err) => problems.errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/Content Security Policy/i.test(text)) problems.csp.push(text);
    // A 4xx answer is logged by Chromium; the tests that cause one check the page's message.
    else if (!/Failed to load resource: the server responded with a status of 4\d\d/.test(text) &&
             !/net::ERR_(FAILED|BLOCKED_BY_CLIENT|CONNECTION_REFUSED)/.test(text)) problems.errors.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(new URL(url, BASE).href);
  await settled(page);
  page.assertClean = (allowOffOrigin = false) => {
    assert.deepEqual(problems.dialogs, [], 'no dialog may open');
    assert.deepEqual(problems.errors, [], 'no script or console error');
    assert.deepEqual(problems.csp, [], 'no Content-Security-Policy violation');
    if (!allowOffOrigin) assert.deepEqual(browser.offOrigin, [], 'no request outside searchd');
  };
  return page;
}

/** Wait until the page has drawn its answer: no request in flight, no typing pending. */
export async function settled(page) {
  await page.waitForFunction(() => {
    const busy = document.getElementById('results')?.getAttribute('aria-busy');
    return busy !== 'true' && document.documentElement.dataset.ready === 'true';
  });
}

/** Type a query into the search box as a person does, then press Enter. */
export async function search(page, q) {
  const box = page.locator('#q');
  await box.fill('');
  await box.pressSequentially(q, { delay: 20 });
  await box.press('Enter');
  await page.waitForFunction((expected) => new URLSearchParams(location.search).get('q') === expected, q);
  await settled(page);
}

/** The current URL's parameters. */
export const params = (page) => new URL(page.url()).searchParams;

/** Texts of the result titles. */
export const titles = (page) => page.locator('#results .hit-title').allTextContents();

/** The status line ("12 results · page 1 of 2"). */
export const status = (page) => page.locator('#status .status-count').textContent();

/** Save a screenshot into SCREENSHOT_DIR (when set). */
export async function screenshot(page, name, options = {}) {
  if (!SCREENSHOT_DIR) return;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), ...options });
}

/** The page has no horizontal scroll. */
export async function assertNoHorizontalScroll(page, what) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth, `${what}: page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
}

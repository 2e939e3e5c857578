// /docs: the API contract rendered by Swagger UI from the web build (no CDN), under the dashboard's
// CSP, with every request to another host blocked: every tag of the document shows, known operations
// open with their parameters, no request leaves 127.0.0.1, no console error, and axe finds nothing
// serious or critical; at desktop and phone size (no horizontal scroll).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const SHOTS = process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

let browser: Browser;
let tags: string[];
beforeAll(async () => {
  browser = await launch();
  const doc = (await apiGet('/v1/openapi.json')).body;
  tags = [...new Set(Object.values<Record<string, { tags: string[] }>>(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.tags[0]!)))];
});
afterAll(async () => { await browser?.close(); });

async function openDocs(size: keyof typeof VIEWPORTS) {
  const { context, page } = await newPage(browser, size === 'phone' ? { phone: true } : { viewport: VIEWPORTS.desktop });
  const offHost: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return route.continue();
    offHost.push(route.request().url());
    return route.abort();
  });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto('/docs');
  expect(res?.status()).toBe(200);
  await page.locator('.opblock-tag').first().waitFor({ timeout: 30_000 });
  return { context, page, offHost, errors };
}

const tagsShown = (page: Page) => page.locator('.opblock-tag').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')));

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('/docs at %s size', (size) => {
  it('renders every tag and known operations, offline, with no console error', async () => {
    const { context, page, offHost, errors } = await openDocs(size);
    try {
      expect((await tagsShown(page)).sort()).toEqual([...tags].sort());
      expect(tags.length).toBeGreaterThan(8);
      for (const [method, path] of [['get', '/v1/health'], ['post', '/v1/reports'], ['get', '/v1/officers'], ['post', '/v1/public/surveys']] as const) {
        await expect.poll(() => page.locator(`.opblock-${method} .opblock-summary-path[data-path="${path}"]`).count(), { message: `${method} ${path}` }).toBe(1);
      }
      // An operation opens with its documented parameters (the list's limit and cursor).
      await page.locator('.opblock-get .opblock-summary-path[data-path="/v1/officers"]').click();
      const params = page.locator('.opblock-get.is-open .parameters .parameter__name');
      await expect.poll(() => params.allInnerTexts().then((t) => t.map((x) => x.replace(/\s|\*|required/g, '')))).toEqual(expect.arrayContaining(['limit', 'cursor', 'q']));
      if (size === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `docs-${size}`);
      // What a reader sees first, and the opened operation, at the window's own size.
      mkdirSync(SHOTS, { recursive: true });
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SHOTS, `docs-${size}-top.png`) });
      await page.locator('.opblock-get.is-open').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `docs-${size}-operation.png`) });
      expect(offHost, 'requests to other hosts').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('has no serious or critical axe violation', async () => {
    const { context, page } = await openDocs(size);
    try {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
        return result.violations.filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
          .map((v: any) => `${v.id}: ${v.nodes.slice(0, 3).map((n: any) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// The BKPSDM starts an evaluation run and watches its progress bar reach done.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, screenshot, signIn } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('evaluation run', () => {
  it('shows live progress until every officer is evaluated', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'serang.admin');
    await page.goto('/admin/evaluasi');
    await page.click('button.primary:has-text("Jalankan")');
    await page.waitForSelector('[data-testid="eval-progress"]');
    await page.waitForSelector('.run .notice.ok', { timeout: 90_000 });
    const [done, total] = ((await page.textContent('[data-testid="eval-progress"]')) ?? '').match(/[\d.]+/g)!.map((s) => Number(s.replace(/\./g, '')));
    expect(total).toBeGreaterThan(0);
    expect(done).toBe(total);
    expect(await page.getAttribute('.progress[role="progressbar"]', 'aria-valuenow')).toBe('100');
    await screenshot(page, 'evaluation');
    await context.close();
  });
});

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
    // The period's runs list it first once it has ended, who started it, and keep it after a reload.
    const runId = /run_\S+/.exec((await page.textContent('.run .muted.small')) ?? '')![0];
    const first = page.locator('[data-testid="eval-history"] li').first();
    // (listed as running when it started, as done once the list is read again after its end)
    await page.waitForFunction((id) => {
      const li = document.querySelector('[data-testid="eval-history"] li');
      return li?.getAttribute('data-run') === id && li.getAttribute('data-status') === 'done';
    }, runId);
    expect(await first.textContent()).toMatch(/Selesai.*Dijalankan oleh \S+/);
    await screenshot(page, 'evaluation');
    await page.reload();
    await page.waitForSelector(`[data-testid="eval-history"] li[data-run="${runId}"][data-status="done"]`);
    expect(await page.locator('.run').count()).toBe(0);
    // A month the schedule evaluated (the demo data's automatic runs) lists that run.
    const earlier = await page.locator('select option').nth(1).getAttribute('value');
    await page.selectOption('select', earlier!);
    await page.waitForSelector('[data-testid="eval-history"] li[data-status="done"]:has-text("Jadwal otomatis")');
    // In English the city's time keeps its zone's name (WIB), as in Indonesian.
    await page.locator('button[aria-pressed]', { hasText: /^EN$/ }).click();
    await page.waitForSelector('[data-testid="eval-history"] li:has-text("Automatic schedule")');
    expect(await page.textContent('[data-testid="eval-history"] li time')).toMatch(/\d{2}:\d{2} WIB$/);
    expect(await page.locator('[data-testid="upcoming-runs"] time').first().textContent()).toMatch(/01:00 WIB$/);
    await context.close();
  });
});

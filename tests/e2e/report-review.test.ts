// An officer submits a monthly report, the supervisor approves it, and the officer's trend shows that month.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('monthly report and review', () => {
  it('goes from the officer form through the review queue to the officer trend', async () => {
    const officerToken = await tokenFor('serang.pegawai');
    const me = (await apiGet('/v1/me', officerToken)).body;
    const officerId: string = me.officer.id;

    const { context, page } = await newPage(browser);
    await signIn(page, 'serang.pegawai');
    await page.goto('/laporan');
    await page.waitForSelector('select[name="period"]');
    // The first offered month without a live report (seeded history may already cover the latest).
    const options = await page.locator('select[name="period"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    let period = '';
    for (const p of options) {
      await page.selectOption('select[name="period"]', p);
      await page.waitForTimeout(400);
      const notice = page.locator('[data-status]');
      if (!(await notice.count()) || (await notice.getAttribute('data-status')) === 'returned') { period = p; break; }
    }
    expect(period, 'a month open for reporting').not.toBe('');
    const inputs = page.locator('input[name^="value-"]');
    expect(await inputs.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await inputs.count()); i++) await inputs.nth(i).fill('10');
    // Indonesian numbers: "1.5" is refused with its reason and nothing is sent; "1.500" is 1500.
    const posted: any[] = [];
    page.on('request', (r) => { if (r.method() === 'POST' && new URL(r.url()).pathname === '/v1/reports') posted.push(r.postDataJSON()); });
    const first = inputs.nth(0).locator('xpath=..');
    await inputs.nth(0).fill('1.5');
    await expect.poll(() => inputs.nth(0).getAttribute('aria-invalid')).toBe('true');
    expect(await first.locator('.field-error').textContent()).toContain('1,5');
    await page.click('button[type="submit"]');
    await page.waitForTimeout(300);
    expect(posted).toEqual([]);
    await inputs.nth(0).fill('1.500');
    await expect.poll(() => first.locator('[data-parsed]').textContent()).toBe('= 1.500');
    expect(await inputs.nth(0).getAttribute('aria-invalid')).toBe('false');
    await screenshot(page, 'report-form');
    await page.click('button[type="submit"]');
    await page.waitForSelector('.notice.ok[role="status"]');
    expect(posted).toHaveLength(1);
    expect(posted[0].items[0].value).toBe(1500);
    expect(posted[0].items.slice(1).every((i: any) => i.value === 10)).toBe(true);
    await context.close();

    const sup = await newPage(browser);
    await signIn(sup.page, 'serang.atasan');
    await sup.page.goto('/review');
    const card = sup.page.locator(`[data-report="${officerId}.${period}"]`);
    await card.waitFor();
    await card.locator('button.head').click();
    await card.locator('fieldset[data-value="kompeten"] input[value="3"]').check();
    await card.locator('textarea').fill('Laporan lengkap, pertahankan.');
    await screenshot(sup.page, 'review-queue');
    await card.locator('button.primary').click();
    await sup.page.waitForSelector('.notice.ok[role="status"]');
    await sup.context.close();

    // Scoring runs from the stream: poll the API, then check the officer's page shows the month.
    const deadline = Date.now() + 30_000;
    let scored = false;
    while (!scored && Date.now() < deadline) {
      const { body } = await apiGet(`/v1/officers/${officerId}/scores?from=${period}&to=${period}`, officerToken);
      scored = (body?.scores ?? []).some((s: any) => s.period === period && s.capaian !== null);
      if (!scored) await new Promise((r) => setTimeout(r, 500));
    }
    expect(scored).toBe(true);
    const own = await newPage(browser);
    await signIn(own.page, 'serang.pegawai');
    await own.page.goto(`/pegawai/${officerId}`);
    await own.page.waitForSelector('canvas[data-drawn]');
    await screenshot(own.page, 'officer');
    await own.page.click('[data-chart] button:has-text("Tabel")');
    await own.page.waitForSelector(`[data-chart] td:text-is("${period}")`);
    await own.context.close();
  });
});

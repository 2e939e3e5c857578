// The officers behind a flag, with each reason in the reader's language: the API sends the English text and
// the values it names; the list words them in Indonesian (or English after EN), months and numbers included.
// A screenful of them shows at once, however many pages of evaluations hold them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Every officer the API lists with `flag` in `period`, following its cursors, and the pages read. */
async function allFlagged(token: string, period: string, flag: string) {
  const items: any[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const res = await apiGet(`/v1/evaluations/flagged?period=${period}&flag=${flag}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    pages++;
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor && pages < 50);
  return { items, pages };
}

describe('flagged officers', () => {
  it('words a missing report\'s reason in Indonesian, and in English after EN', async () => {
    const token = await tokenFor('serang.admin');
    // The latest evaluated period (last month's evaluation runs only after the review due day).
    const pegawai = await tokenFor('serang.pegawai');
    const me = (await apiGet('/v1/me', pegawai)).body.officer;
    const latest = (await apiGet(`/v1/officers/${me.id}/evaluations?limit=1`, pegawai)).body.items[0].period as string;
    const all = await allFlagged(token, latest, 'MISSING_REPORT');
    const first = all.items[0];
    expect(first, `an officer with MISSING_REPORT in ${latest}`).toBeDefined();
    expect(first.flag.params).toEqual({ period: latest });

    const { context, page } = await newPage(browser);
    await signIn(page, 'serang.admin');
    await page.goto(`/daftar-catatan?flag=MISSING_REPORT&period=${latest}`);
    const reason = page.locator(`li[data-officer="${first.officer.id}"] .reason`);
    const month = new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${latest}-01T00:00:00Z`));
    await expect.poll(() => reason.textContent()).toContain(`Tidak ada laporan yang disetujui untuk ${month}`);
    expect(await page.locator('.flagged').textContent()).not.toContain('No approved report');
    // A few flagged officers over two pages of evaluations show at once, not behind "Muat lebih banyak".
    expect(all.items.length).toBeLessThanOrEqual(20);
    expect(all.pages).toBeGreaterThan(1);
    await expect.poll(() => page.locator('li[data-officer]').count()).toBe(all.items.length);
    expect(await page.locator('[data-testid="load-more"]').count()).toBe(0);
    await screenshot(page, 'flagged-reasons-id');

    await page.locator('header button:visible', { hasText: /^EN$/ }).click();
    const monthEn = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${latest}-01T00:00:00Z`));
    await expect.poll(() => reason.textContent()).toContain(`No approved report for ${monthEn}`);
    await context.close();
  });
});

// The officers behind a flag, with each reason in the reader's language: the API sends the English text and
// the values it names; the list words them in Indonesian (or English after EN), months and numbers included.
// A screenful of them shows at once, however many pages of evaluations hold them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** Every page the API answers for `flag` in `period`, following its cursors, as the list reads them. */
async function allFlagged(token: string, period: string, flag: string) {
  const pages: any[][] = [];
  let cursor: string | undefined;
  do {
    const res = await apiGet(`/v1/evaluations/flagged?period=${period}&flag=${flag}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return { items: pages.flat(), pages };
}

/** What the list's first screen shows: pages until 20 officers or 1 + 5 pages, and whether more remain. */
function firstScreen(pages: any[][]) {
  let shown = 0, read = 0;
  while (read < pages.length && (shown === 0 || (shown < 20 && read < 6))) shown += pages[read++]!.length;
  return { shown, more: read < pages.length };
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
    // Flagged officers spread over pages of evaluations show a screenful at once, not behind "Muat lebih banyak"
    // (the seed's six sit on two pages, 4 + 2; browser files that ran before on this runtime may have added some).
    expect(all.pages.length).toBeGreaterThan(1);
    const screen = firstScreen(all.pages);
    await expect.poll(() => page.locator('li[data-officer]').count()).toBe(screen.shown);
    expect(await page.locator('[data-testid="load-more"]').count()).toBe(screen.more ? 1 : 0);
    await screenshot(page, 'flagged-reasons-id');

    await page.locator('header button:visible', { hasText: /^EN$/ }).click();
    const monthEn = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${latest}-01T00:00:00Z`));
    await expect.poll(() => reason.textContent()).toContain(`No approved report for ${monthEn}`);
    await context.close();
  });
});

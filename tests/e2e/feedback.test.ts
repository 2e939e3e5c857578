// Continuous feedback in the browser: serang.atasan gives serang.pegawai a bimbingan note on the
// officer page, the officer replies there, both show in the thread (desktop and phone shots), the team
// row shows the last feedback, and the agency page's "per supervisor" card counts atasan's feedback.
// Re-runnable: each run adds one new note (its text carries the run's time) and its reply.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const TZ = 'Asia/Jakarta'; // Serang
const currentMonth = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const RUN = new Date().toISOString().slice(0, 19);
const NOTE = `Bimbingan: susun jadwal layanan mingguan dan catat kendalanya (${RUN}).`;
const REPLY = `Siap, jadwal minggu ini sudah saya susun (${RUN}).`;

const thread = (page: Page) => page.locator('[data-testid="feedback-thread"]');
const item = (page: Page) => thread(page).locator('article[data-feedback]', { hasText: NOTE });

describe('continuous feedback', () => {
  let pegawai: { id: string; agencyId: string };
  let atasanId: string;

  it('a supervisor gives a bimbingan note on the officer page', async () => {
    pegawai = (await apiGet('/v1/me', await tokenFor('serang.pegawai'))).body.officer;
    atasanId = (await apiGet('/v1/me', await tokenFor('serang.atasan'))).body.officer.id;
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.atasan');
    await page.goto(`/pegawai/${pegawai.id}`);
    const form = page.locator('[data-testid="feedback-form"]');
    await form.waitFor();
    await form.locator('select[name="kind"]').selectOption('bimbingan');
    expect(await form.locator('input[name="period"]').inputValue()).toBe(currentMonth());
    await form.locator('textarea[name="note"]').fill(NOTE);
    await form.locator('button[type="submit"]').click();
    await item(page).waitFor();
    expect(await item(page).getAttribute('data-kind')).toBe('bimbingan');
    await expect(item(page).locator('.badge').innerText()).resolves.toMatch(/Bimbingan/);
    await context.close();
  });

  it('the officer replies, and sees both on their page (desktop and phone)', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.pegawai');
    await page.goto(`/pegawai/${pegawai.id}`);
    await item(page).waitFor();
    // The officer gets no form of their own, only a reply box.
    expect(await page.locator('[data-testid="feedback-form"]').count()).toBe(0);
    await item(page).getByRole('button', { name: /Balas/ }).click();
    await item(page).getByLabel(/Balasan Anda/).fill(REPLY);
    await item(page).getByRole('button', { name: /Kirim/ }).click();
    await item(page).locator('.reply', { hasText: REPLY }).waitFor();
    await thread(page).scrollIntoViewIfNeeded();
    await screenshot(page, 'feedback-desktop');
    await context.close();

    const phone = await newPage(browser, { phone: true });
    await signIn(phone.page, 'serang.pegawai');
    await phone.page.goto(`/pegawai/${pegawai.id}`);
    await item(phone.page).locator('.reply', { hasText: REPLY }).waitFor();
    expect(await item(phone.page).innerText()).toContain(NOTE);
    expect(await noSideScroll(phone.page)).toBe(true);
    await screenshot(phone.page, 'feedback-phone');
    await phone.context.close();
  });

  it('the supervisor\'s team row shows the last feedback, and the agency card counts it', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.atasan');
    await page.goto('/tim');
    const last = page.locator(`tr[data-officer="${pegawai.id}"] [data-last-feedback]`);
    await last.waitFor();
    expect(await last.getAttribute('data-last-feedback')).not.toBe('');
    await context.close();

    const stats = (await apiGet(`/v1/agencies/${pegawai.agencyId}/feedback-stats?period=${currentMonth()}`, await tokenFor('serang.pimpinan'))).body;
    const mine = stats.items.find((s: any) => s.authorId === atasanId);
    expect(mine.count).toBeGreaterThanOrEqual(1);
    const leader = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(leader.page, 'serang.pimpinan');
    await leader.page.goto(`/opd/${pegawai.agencyId}`);
    const row = leader.page.locator(`[data-testid="feedback-stats"] tr[data-author="${atasanId}"]`);
    await row.waitFor();
    expect((await row.locator('[data-count]').innerText()).trim()).toBe(String(mine.count));
    await leader.page.locator('[data-testid="feedback-stats"]').scrollIntoViewIfNeeded();
    await screenshot(leader.page, 'feedback-agency');
    await leader.context.close();
  });
});

// The city page's "Today's activity" follows a citizen's survey without a reload; a hidden tab stops
// polling and a visible one refreshes at once. Panduan shows each role its own steps with this month's
// dates, and its links open the screens.
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const DESKTOP = { width: 1280, height: 800 };
const SURVEYS = '[data-testid="activity-panel"] [data-counter="surveys"]';
const ASOF = '[data-testid="activity-asof"]';
const count = async (page: Page) => Number((await page.textContent(SURVEYS))!.replace(/\D/g, ''));
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** Signs in and waits for the page the user lands on to show the activity panel's counters. */
async function landOnPanel(username: string, landing: string, opts: Parameters<typeof newPage>[1] = { viewport: DESKTOP }) {
  const opened = await newPage(browser, opts);
  await signIn(opened.page, username);
  await opened.page.waitForURL(landing);
  await opened.page.waitForSelector(SURVEYS);
  return opened;
}

async function postSurvey(unitId: string) {
  const body = { tenant: 'serang', unitId, deviceId: randomBytes(16).toString('base64url'), answers: Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => [`u${k}`, 3])) };
  const res = await fetch(`${baseUrl()}/v1/public/surveys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe("today's activity", () => {
  it('shows a new survey on the city page within 35 s without a reload, with the time of the update', async () => {
    const admin = await tokenFor('serang.admin');
    const unit = (await apiGet('/v1/agencies', admin)).body.agencies.flatMap((a: any) => a.units)[0];
    const { context, page } = await landOnPanel('serang.admin', '**/kota');
    const before = await count(page);
    const asOfBefore = await page.getAttribute(ASOF, 'datetime');
    let reloads = 0;
    page.on('framenavigated', () => reloads++);

    await postSurvey(unit.id);
    await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel as string)?.textContent?.replace(/\D/g, '')) > (n as number), [SURVEYS, before], { timeout: 35_000, polling: 500 });
    expect(await count(page)).toBeGreaterThan(before);
    expect(reloads).toBe(0);
    const asOf = await page.getAttribute(ASOF, 'datetime');
    expect(asOf).not.toBe(asOfBefore);
    expect(Date.now() - Date.parse(asOf!)).toBeLessThan(60_000);
    expect(await page.textContent(ASOF)).toMatch(/\d{2}[.:]\d{2}/); // the city's clock
    expect(await page.getAttribute('[data-testid="activity-panel"] [aria-live="polite"]', 'aria-live')).toBe('polite');
    await screenshot(page, 'activity-city-desktop');

    // A hidden tab pauses; showing it again asks at once.
    const setHidden = (hidden: boolean) => page.evaluate((h) => {
      Object.defineProperty(document, 'hidden', { value: h, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    await page.waitForSelector('[data-testid="activity-panel"] :text("dijeda")');
    const asked = page.waitForRequest((r) => r.url().includes('/v1/activity?scope=tenant'), { timeout: 5_000 });
    await setHidden(false);
    await asked;
    await context.close();
  });

  it("shows an agency admin the agency's own activity on the agency page", async () => {
    const { context, page } = await landOnPanel('serang.opd', '**/opd/**');
    expect(await page.locator('[data-testid="activity-panel"] .notice.bad').count()).toBe(0);
    expect(await page.locator('[data-testid="activity-panel"] dd[data-counter]').count()).toBe(5);
    await screenshot(page, 'activity-agency-desktop');
    await context.close();
  });

  it('fits a phone without sideways scrolling', async () => {
    const { context, page } = await landOnPanel('serang.admin', '**/kota', { phone: true });
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'activity-city-phone');
    await context.close();
  });
});

describe('Panduan', () => {
  it("shows an officer the officer's steps with this month's due date, and its links open the screens", async () => {
    const calendar = (await apiGet('/v1/calendar', await tokenFor('serang.pegawai'))).body;
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await signIn(page, 'serang.pegawai');
    await page.click('header nav a[href="/panduan"]');
    await page.waitForURL('**/panduan');
    const steps = page.locator('[data-testid="guide-steps"][data-guide-role="officer"]');
    await steps.waitFor();
    await page.waitForSelector('[data-date="reportDue"]');
    const due = (await page.textContent('[data-date="reportDue"]'))!.trim();
    expect(due).toContain(String(Number(calendar.reporting.reportDue.slice(8)))); // the policy's due day
    expect(await steps.textContent()).toContain(`paling lambat ${due}`);
    expect(await steps.locator('a[href="/laporan"]').count()).toBeGreaterThan(0);
    expect(await steps.locator('a[href="/pelatihan"]').count()).toBe(1);
    expect(await steps.locator('a[href="/keberatan"]').count()).toBe(1);
    expect(await page.locator('[data-testid="guide-steps"] a[href="/admin/kebijakan"]').count()).toBe(0);
    await screenshot(page, 'panduan-desktop');
    await steps.locator('a[href="/laporan"]').first().click();
    await page.waitForURL('**/laporan');
    await context.close();
  });

  it("shows a region_admin the BKPSDM's steps on a phone, reached from the menu", async () => {
    const { context, page } = await newPage(browser, { phone: true });
    await signIn(page, 'serang.admin');
    await page.click('header button.menu');
    await page.click('header nav a[href="/panduan"]');
    await page.waitForURL('**/panduan');
    const steps = page.locator('[data-testid="guide-steps"][data-guide-role="region_admin"]');
    await steps.waitFor();
    await page.waitForSelector('[data-date="reportDue"]');
    expect(await steps.textContent()).toMatch(/laporan jatuh tempo tanggal \d+, reviu tanggal \d+/);
    expect(await steps.textContent()).not.toContain('Kirim laporan bulanan');
    expect(await noSideScroll(page)).toBe(true);
    await screenshot(page, 'panduan-phone');
    await steps.locator('a[href="/admin/kebijakan"]').click();
    await page.waitForURL('**/admin/kebijakan');
    await context.close();
  });
});

// A leader signs in and sees the city's charts drawn with seeded data; agency and national views render too.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

/** True when the canvas has painted pixels (Chart.js drew something), not just an empty box. */
const painted = (selector: string) => `(() => {
  const c = document.querySelector(${JSON.stringify(selector)});
  if (!c) return false;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
  return n > 500;
})()`;

describe('city dashboard', () => {
  it('shows a leader the city charts drawn with data, each with a table of numbers', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'serang.pimpinan');
    await page.waitForURL('**/kota');
    const chart = '[data-chart="capaian-per-opd"] canvas[data-drawn]';
    await page.waitForSelector(chart, { timeout: 15_000 });
    expect(Number(await page.getAttribute(chart, 'data-drawn'))).toBeGreaterThan(1); // one line per agency
    expect(await page.evaluate(painted(chart))).toBe(true);
    await page.waitForSelector('[data-chart="sebaran-predikat"] canvas[data-drawn]');
    await page.waitForSelector('[data-chart="ikm-kota"] canvas[data-drawn]');
    expect(await page.textContent('[data-stat] .value')).toMatch(/\d/);
    await screenshot(page, 'city');

    await page.click('[data-chart="sebaran-predikat"] button:has-text("Tabel")');
    const cells = await page.locator('[data-chart="sebaran-predikat"] tbody tr td.num').allTextContents();
    expect(cells.length).toBeGreaterThan(12);
    expect(cells.some((c) => /^[1-9][\d.]*$/.test(c.trim()))).toBe(true);

    await page.locator('section.card:has(h2:has-text("Peringkat OPD")) tbody tr').first().click();
    await page.waitForURL('**/opd/**');
    await page.waitForSelector('canvas[data-drawn]');
    await page.waitForSelector('td:has-text("19")', { timeout: 10_000 }); // the officers table lists NIPs
    await screenshot(page, 'agency');
    await context.close();
  });

  it('shows national readers the cities side by side', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'nasional');
    await page.waitForURL('**/nasional');
    const chart = '[data-chart="capaian-per-kota"] canvas[data-drawn]';
    await page.waitForSelector(chart, { timeout: 15_000 });
    expect(Number(await page.getAttribute(chart, 'data-drawn'))).toBeGreaterThanOrEqual(4);
    await screenshot(page, 'national');
    await context.close();
  });

  it('tells an agency admin who opens the city page that it is not for their role, and links their home', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'serang.opd');
    await page.waitForURL('**/opd/**');
    const home = new URL(page.url()).pathname;
    const refused: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/v1/trends')) refused.push(r.url()); });
    await page.goto(new URL('/kota', page.url()).href);
    await page.waitForSelector('[data-refused]');
    expect(await page.textContent('[data-refused] h1')).toContain('bukan untuk peran Anda');
    expect(await page.locator('text=Data tidak dapat dimuat').count()).toBe(0);
    expect(await page.getAttribute('[data-refused] a', 'href')).toBe(home);
    expect(refused).toEqual([]); // the city's data is not even asked for
    await screenshot(page, 'city-refused');
    await page.click('[data-refused] a');
    await page.waitForURL(`**${home}`);
    await page.waitForSelector('canvas[data-drawn]');
    await context.close();
  });

  it('tells an officer that a colleague\'s or an agency\'s page is not theirs, and a leader that an unknown agency does not exist', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'serang.pegawai');
    await page.waitForURL('**/pegawai/**');
    const own = new URL(page.url()).pathname;
    const { body: me } = await apiGet('/v1/me', await tokenFor('serang.pegawai'));
    expect(me.officer.supervisorId).toBeTruthy();
    for (const path of [`/pegawai/${me.officer.supervisorId}`, '/opd/dinkes']) {
      await page.goto(new URL(path, page.url()).href);
      await page.waitForSelector('[data-refused]');
      expect(await page.locator('text=tidak dapat dimuat').count()).toBe(0);
      expect(await page.getAttribute('[data-refused] a', 'href')).toBe(own);
    }
    await context.close();

    const leader = await newPage(browser);
    await signIn(leader.page, 'serang.pimpinan');
    await leader.page.waitForURL('**/kota');
    await leader.page.goto(new URL('/opd/tidak-ada', leader.page.url()).href);
    await leader.page.waitForSelector('[data-notfound]');
    expect(await leader.page.textContent('[data-notfound] h1')).toContain('tidak ditemukan');
    expect(await leader.page.locator('text=tidak dapat dimuat').count()).toBe(0);
    await screenshot(leader.page, 'agency-notfound');
    await leader.context.close();
  });
});

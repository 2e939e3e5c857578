// A citizen fills a unit's survey on a phone; the unit's IKM counts exactly one more respondent.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('public survey', () => {
  it('is filled on a phone and counted in the unit IKM', async () => {
    const admin = await tokenFor('serang.admin');
    const { body: me } = await apiGet('/v1/me', admin);
    const { body } = await apiGet('/v1/agencies', admin);
    const units = body.agencies.flatMap((a: any) => a.units);
    const unit = units[Math.floor(Math.random() * units.length)]; // repeat suppression is per unit and day
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: me.tenant.timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    const ikmPath = `/v1/ikm?unitId=${unit.id}&period=${month}`;
    const before = (await apiGet(ikmPath, admin)).body.respondents as number;

    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`/survei/serang/${unit.id}`);
    await page.waitForSelector('fieldset[data-element="u9"]');
    await screenshot(page, 'survey-phone');
    for (let i = 1; i <= 9; i++) await page.click(`fieldset[data-element="u${i}"] label.answer:nth-child(${i % 2 ? 4 : 3})`);
    await page.click('button.submit');
    await page.waitForSelector('.done[role="status"]');
    expect(await page.textContent('.done h1')).toContain('Terima kasih');
    await screenshot(page, 'survey-thanks');
    await context.close();

    const deadline = Date.now() + 20_000;
    let after = before;
    while (after === before && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      after = (await apiGet(ikmPath, admin)).body.respondents;
    }
    expect(after).toBe(before + 1);
  });
});

// A citizen fills a unit's survey on a phone; the unit's IKM counts exactly one more respondent. The
// page tells the truth: a second rating from the same phone that day is not thanked, an offline send
// waits in the outbox until it is stored, and a counter tablet with a kiosk token serves many citizens.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
let admin: string;
let units: { id: string }[];
let month: string;
beforeAll(async () => {
  browser = await launch();
  admin = await tokenFor('serang.admin');
  const { body: me } = await apiGet('/v1/me', admin);
  units = (await apiGet('/v1/agencies', admin)).body.agencies.flatMap((a: any) => a.units);
  month = new Intl.DateTimeFormat('en-CA', { timeZone: me.tenant.timeZone, year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
});
afterAll(async () => { await browser?.close(); });

const respondents = async (unitId: string) => (await apiGet(`/v1/ikm?unitId=${unitId}&period=${month}`, admin)).body.respondents as number;
/** The IKM rollup follows the stream; wait until it reaches `expected` (or give up after 20 s). */
async function respondentsReach(unitId: string, expected: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  let n = await respondents(unitId);
  while (n < expected && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    n = await respondents(unitId);
  }
  return n;
}
async function fill(page: Page) {
  await page.waitForSelector('fieldset[data-element="u9"]');
  for (let i = 1; i <= 9; i++) await page.click(`fieldset[data-element="u${i}"] label.answer:nth-child(${i % 2 ? 4 : 3})`);
  await page.click('button.submit');
}
const outcome = async (page: Page) => (await page.waitForSelector('.done[role="status"]')).getAttribute('data-outcome');
// Each test its own unit: runs against a long-lived instance must not meet earlier responses.
const pick = (n: number) => units[(Math.floor(Math.random() * units.length) + n) % units.length]!;

describe('public survey', () => {
  it('is filled on a phone and counted once; the same phone again that day is told so, not thanked', async () => {
    const unit = pick(0);
    const before = await respondents(unit.id);
    const { context, page } = await newPage(browser, { phone: true });
    const sent: { key: string | undefined; body: any }[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/v1/public/surveys')) sent.push({ key: r.headers()['idempotency-key'], body: r.postDataJSON() }); });
    await page.goto(`/survei/serang/${unit.id}`);
    await page.waitForSelector('fieldset[data-element="u9"]');
    await screenshot(page, 'survey-phone');
    await fill(page);
    expect(await outcome(page)).toBe('sent');
    expect(await page.textContent('.done h1')).toContain('Terima kasih');
    await screenshot(page, 'survey-thanks');

    await page.click('.done button');
    await fill(page);
    expect(await outcome(page)).toBe('repeat');
    expect(await page.textContent('.done h1')).toContain('Anda sudah mengisi survei untuk unit ini hari ini');
    expect(await page.textContent('.done')).not.toContain('Terima kasih');
    await screenshot(page, 'survey-repeat');
    // One device id kept on the phone, a fresh Idempotency-Key per response.
    expect(sent).toHaveLength(2);
    expect(sent[0]!.body.deviceId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(sent[1]!.body.deviceId).toBe(sent[0]!.body.deviceId);
    expect(sent[0]!.key).toBeTruthy();
    expect(sent[1]!.key).not.toBe(sent[0]!.key);
    expect(await page.evaluate(() => localStorage.getItem('kinerja.outbox'))).toBe('[]');
    await context.close();

    expect(await respondentsReach(unit.id, before + 1)).toBe(before + 1);
    await new Promise((r) => setTimeout(r, 1500)); // and no second response arrives late
    expect(await respondents(unit.id)).toBe(before + 1);
  });

  it('keeps an offline response in the outbox and sends it, once, when the phone is back online', async () => {
    const unit = pick(1);
    const before = await respondents(unit.id);
    const { context, page } = await newPage(browser, { phone: true });
    await page.goto(`/survei/serang/${unit.id}`);
    await page.waitForSelector('fieldset[data-element="u9"]');
    await context.setOffline(true);
    await fill(page);
    expect(await outcome(page)).toBe('queued');
    expect(await page.textContent('.done h1')).not.toContain('Terima kasih');
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('kinerja.outbox')))!)).toHaveLength(1);
    await context.setOffline(false);
    await page.waitForSelector('.done[data-outcome="sent"]', { timeout: 15_000 });
    expect(await page.evaluate(() => localStorage.getItem('kinerja.outbox'))).toBe('[]');
    await context.close();
    expect(await respondentsReach(unit.id, before + 1)).toBe(before + 1);
  });

  it('on a counter tablet with a kiosk token, thanks every citizen in turn', async () => {
    const unit = pick(2);
    // The BKPSDM makes the tablet's link on the poster screen.
    const desk = await newPage(browser);
    await signIn(desk.page, 'serang.admin');
    await desk.page.goto('/admin/poster');
    await desk.page.selectOption('main select', unit.id);
    await desk.page.click('[data-testid="kiosk-make"]');
    const link = await desk.page.inputValue('[data-testid="kiosk-link"]');
    await desk.context.close();
    expect(link).toContain(`/survei/serang/${unit.id}?kiosk=`);
    const token = new URL(link).searchParams.get('kiosk')!;
    const before = await respondents(unit.id);
    const { context, page } = await newPage(browser);
    await page.goto(link);
    await page.waitForSelector('[data-kiosk]');
    expect(page.url()).not.toContain(token); // kept on the device, not left in the address bar
    for (let citizen = 0; citizen < 3; citizen++) {
      await fill(page);
      expect(await outcome(page)).toBe('sent');
      await page.click('.done button');
    }
    await page.reload(); // still a kiosk after a reload
    await page.waitForSelector('[data-kiosk]');
    await context.close();
    expect(await respondentsReach(unit.id, before + 3)).toBe(before + 3);
  });
});

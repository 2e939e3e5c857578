// The citizens' loop on a phone: a complaint filed on /pengaduan, verified and answered (cause waktu,
// substantiated) by the BKPSDM through the API, the tracking page showing each step with its date and
// nobody's name, and /transparansi/serang counting it, without horizontal scroll. Re-runnable: every
// run files a fresh complaint and compares the page's counts with those read just before.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, newPage, screenshot, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

async function patch(path: string, token: string, body: unknown) {
  const res = await fetch(`${baseUrl()}${path}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(200);
}
const count = async (page: Page, selector: string) => Number(((await page.textContent(selector)) ?? '').replace(/\D/g, '') || 0);
const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));

describe('complaint → tracking → transparency page', () => {
  it('counts a complaint answered with its cause, and shows its steps without who handled it', async () => {
    const token = await tokenFor('serang.admin');
    const before = (await apiGet('/v1/public/cities/serang/transparency')).body;
    const users = (await apiGet('/v1/dev/users')).body.users as { username: string; name: string; officerId: string | null }[];
    const admin = users.find((u) => u.username === 'serang.admin')!;

    const phone = await newPage(browser, { phone: true });
    let code = '';
    try {
      await phone.page.goto('/pengaduan?tenant=serang&unit=dinkes-u2');
      await phone.page.waitForSelector('[data-testid="complaint-unit"]');
      await phone.page.selectOption('label:has-text("Kategori") select', 'waktu');
      await phone.page.fill('textarea', `Menunggu hasil laboratorium lebih dari lima jam (${Date.now()}).`);
      await phone.page.click('button.submit');
      code = (await phone.page.textContent('[data-testid="complaint-code"]'))!.trim();
      expect(code).toMatch(/^ADU-/);
    } finally { await phone.context.close(); }

    const inbox = (await apiGet('/v1/complaints?status=received&limit=200', token)).body;
    const id = inbox.items.find((c: any) => c.code === code).id;
    await patch(`/v1/complaints/${id}`, token, { status: 'verified' });
    await patch(`/v1/complaints/${id}`, token, { status: 'answered', answer: 'Petugas laboratorium ditambah; hasil kini selesai di hari yang sama.', cause: 'waktu', substantiated: true });

    const track = await newPage(browser, { phone: true });
    try {
      await track.page.goto(`/lacak/${code}`);
      await track.page.waitForSelector('[data-testid="steps"]');
      const steps = track.page.locator('[data-testid="steps"] li');
      expect(await steps.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-step')))).toEqual(['received', 'verified', 'answered']);
      for (const text of await steps.allTextContents()) expect(text).toMatch(/\d{4}/); // each step with its date
      const text = (await track.page.textContent('main'))!;
      expect(text).not.toContain(admin.name);
      if (admin.officerId) expect(text).not.toContain(admin.officerId);
      expect(text).not.toMatch(/serang\.admin|\d{18}/);
      await noSideScroll(track.page);
      await screenshot(track.page, 'transparency-track-phone');
    } finally { await track.context.close(); }

    const phonePage = await newPage(browser, { phone: true });
    try {
      const page = phonePage.page;
      await page.goto('/transparansi/serang');
      await page.waitForSelector('[data-testid="complaint-counts"]');
      expect(await count(page, '[data-count="received"]')).toBe(before.complaints.received + 1);
      expect(await count(page, '[data-count="answered"]')).toBe(before.complaints.answered + 1);
      expect(await count(page, '[data-testid="by-cause"] [data-cause="waktu"] .n')).toBe((before.complaints.byCause.waktu ?? 0) + 1);
      expect(await count(page, '[data-count="substantiated"]')).toBe(before.complaints.substantiated + 1);
      // "Data as of" is the city's clock with its zone (Serang: WIB), whatever the phone's own zone (UTC here).
      const asOf = (await page.textContent('[data-testid="as-of"]')) ?? '';
      const asOfIso = (await page.getAttribute('[data-testid="as-of"] time', 'datetime')) ?? '';
      const jakartaHour = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Asia/Jakarta' }).format(Date.parse(asOfIso));
      expect(asOf).toMatch(new RegExp(`\\b${jakartaHour}[.:]\\d{2} WIB`));
      // The sections below are there too: the forums and follow-ups with their actions.
      expect(await page.locator('.forum').count()).toBe(before.forums.items.length);
      expect(await page.locator('[data-follow-up]').count()).toBe(before.followUps.items.length);
      const html = await page.content();
      expect(html).not.toContain(admin.name);
      // The units of an agency open on demand: none drawn at first (the agencies' own rows are), then
      // the complained-about unit with its count once its agency is opened, and every unit with "open all".
      const complaints = page.locator('[data-testid="complaints"]');
      const after = (await apiGet('/v1/public/cities/serang/transparency')).body;
      const agencies = (after.complaints.agencies as { agencyId: string; units: { unitId: string; received: number }[] }[]);
      expect(await complaints.locator('tbody[data-agency]').count()).toBe(agencies.length);
      expect(await page.locator('tr[data-unit]').count()).toBe(0);
      const dinkes = agencies.find((a) => a.units.some((u) => u.unitId === 'dinkes-u2'))!;
      const toggle = complaints.locator(`tbody[data-agency="${dinkes.agencyId}"] button[aria-expanded]`);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      expect(await complaints.locator('tr[data-unit]').count()).toBe(dinkes.units.length);
      const unitAfter = dinkes.units.find((u) => u.unitId === 'dinkes-u2')!.received;
      expect(unitAfter).toBeGreaterThan(0);
      expect(await count(page, '[data-testid="complaints"] tr[data-unit="dinkes-u2"] td.num')).toBe(unitAfter);
      await noSideScroll(page);
      await screenshot(page, 'transparency-phone');
      await complaints.getByRole('button', { name: /semua unit|all units/i }).click();
      expect(await complaints.locator('tr[data-unit]').count()).toBe(agencies.reduce((n, a) => n + a.units.length, 0));
      // Another year through the selector; the URL keeps it.
      await page.selectOption('#transparency-year', String(before.year - 1));
      await page.waitForURL((u) => u.search === `?year=${before.year - 1}`);
      await page.waitForSelector('[data-testid="complaints"] h2');
      await noSideScroll(page);
    } finally { await phonePage.context.close(); }

    const desk = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      await desk.page.goto('/transparansi/serang');
      await desk.page.waitForSelector('[data-testid="complaint-counts"]');
      await noSideScroll(desk.page);
      await screenshot(desk.page, 'transparency-desktop');
      // In English an agency's unit count takes its plural only past one.
      await desk.context.addInitScript(() => localStorage.setItem('kinerja.lang', 'en'));
      await desk.page.reload();
      await desk.page.waitForSelector('[data-testid="complaint-counts"]');
      const ikmAgencies = before.ikm.agencies as { agencyId: string; units: unknown[] }[];
      const labelOf = (agencyId: string) => desk.page.locator(`section[aria-labelledby="t-ikm"] tbody[data-agency="${agencyId}"] .count`).textContent();
      const one = ikmAgencies.find((a) => a.units.length === 1);
      const many = ikmAgencies.find((a) => a.units.length > 1);
      if (one) expect(await labelOf(one.agencyId)).toBe('Show 1 unit');
      if (many) expect(await labelOf(many.agencyId)).toBe(`Show ${many.units.length} units`);
      expect(one && many, 'the demo city has agencies with one unit and with several').toBeTruthy();
      // Dates follow the language too: a forum of May reads "May", not "Mei".
      const forumDates = await desk.page.locator('.forum .head strong').allTextContents();
      expect(forumDates.length, 'the demo city held forums this year').toBeGreaterThan(0);
      for (const d of forumDates) expect(d).toMatch(/^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec) \d{4}$/);
    } finally { await desk.context.close(); }
  }, 120_000);
});

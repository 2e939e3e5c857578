// The BKPSDM edits the reporting calendar on the Policy screen and sees the automatic evaluations
// move with it; an agency's officer list follows the API's pages with "Load more".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const DESKTOP = { width: 1280, height: 800 };

/** The upcoming runs as listed: `kind period` → `at` in ms. */
async function runsShown(page: Page): Promise<Map<string, number>> {
  const rows = await page.locator('[data-testid="upcoming-runs"] li[data-at]').evaluateAll((lis) =>
    lis.map((li) => [`${li.querySelector('.badge')!.textContent} ${li.getAttribute('data-period')}`, li.getAttribute('data-at')!] as const));
  return new Map(rows.map(([k, at]) => [k, Date.parse(at)]));
}

async function putPolicy(token: string, change: Record<string, unknown>) {
  const { policy } = (await apiGet('/v1/policy', token)).body;
  const res = await fetch(`${baseUrl()}/v1/policy`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...policy, ...change }) });
  expect(res.status).toBe(200);
}

describe('policy screen', () => {
  it('saves a later review due day and the next automatic runs move one day later', async () => {
    const token = await tokenFor('serang.admin');
    const before = (await apiGet('/v1/policy', token)).body.policy;
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    try {
      await signIn(page, 'serang.admin');
      await page.goto('/admin/kebijakan');
      for (const [name, value] of [['reportDueDay', before.reportDueDay], ['reviewDueDay', before.reviewDueDay], ['lateWindowDays', before.lateWindowDays], ['surveyAddressLimit', before.surveyAddressLimit]]) {
        const input = page.locator(`input[name="${name}"]`);
        expect(await input.inputValue(), name).toBe(String(value));
        // Every new field has a visible label and a one-line explanation tied to it.
        expect((await input.locator('xpath=..').locator('span').first().textContent())?.trim()).toBeTruthy();
        expect(await page.locator(`#${await input.getAttribute('aria-describedby')}`).textContent()).toMatch(/\w{4}/);
      }
      await page.waitForSelector('[data-testid="upcoming-runs"] li[data-at]');
      const runsBefore = await runsShown(page);
      expect(runsBefore.size).toBeGreaterThan(0);
      expect(await page.locator('[data-testid="upcoming-runs"] time').first().textContent()).toMatch(/01[.:]00 WIB/); // Kota Serang's zone
      await screenshot(page, 'policy-desktop');

      const later = before.reviewDueDay + 1;
      await page.fill('input[name="reviewDueDay"]', String(later));
      const scheduleAnswered = page.waitForResponse((r) => r.url().endsWith('/v1/evaluations/schedule') && r.request().method() === 'GET');
      await page.click('form button[type="submit"]');
      await page.waitForSelector('form .notice.ok');
      await scheduleAnswered;
      await expect.poll(async () => [...(await runsShown(page)).values()].join()).not.toBe([...runsBefore.values()].join());
      const runsAfter = await runsShown(page);
      const same = [...runsAfter.keys()].filter((k) => runsBefore.has(k));
      expect(same.length).toBeGreaterThan(0);
      for (const k of same) expect(runsAfter.get(k)! - runsBefore.get(k)!, k).toBe(24 * 3600 * 1000);
      expect((await apiGet('/v1/policy', token)).body.policy.reviewDueDay).toBe(later);

      // A review due day before the report due day is refused by the API, next to the field.
      await page.fill('input[name="reviewDueDay"]', String(before.reportDueDay - 1 || 1));
      await page.fill('input[name="reportDueDay"]', String(Math.max(before.reportDueDay, 2)));
      await page.click('form button[type="submit"]');
      await page.waitForSelector('input[name="reviewDueDay"][aria-invalid="true"]');

      // The same screen in English.
      await page.click('button[aria-pressed]:has-text("EN")');
      await page.waitForSelector('h2:has-text("Next automatic evaluations")');
      expect(await page.locator('label:has(input[name="reviewDueDay"]) > span').textContent()).toBe('Review due day');
    } finally {
      await putPolicy(token, { reportDueDay: before.reportDueDay, reviewDueDay: before.reviewDueDay });
      await context.close();
    }

    const phone = await newPage(browser, { phone: true });
    await signIn(phone.page, 'serang.admin');
    await phone.page.goto('/admin/kebijakan');
    await phone.page.waitForSelector('[data-testid="upcoming-runs"] li[data-at]');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'policy-phone');
    await phone.context.close();
  });
});

async function patchOfficer(token: string, id: string, status: string) {
  const effectiveFrom = new Date().toISOString().slice(0, 10);
  const res = await fetch(`${baseUrl()}/v1/officers/${id}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ status, effectiveFrom }) });
  expect(res.status, await res.text()).toBe(200);
}

describe('paged lists', () => {
  it('shows an agency\'s officers page by page with Load more until the API has no next page', async () => {
    const token = await tokenFor('serang.admin');
    const all = (await apiGet('/v1/officers?agencyId=dinkes&limit=200', token)).body.items as { id: string }[];
    const pageSize = 20; // the seed's agencies are below the default 50, so the test asks for smaller pages
    expect(all.length).toBeGreaterThan(pageSize);
    // One officer on leave (cuti stays on the list of active staff, with its label); not a demo user.
    const demo = new Set(((await apiGet('/v1/dev/users')).body.users as { officerId: string | null }[]).map((u) => u.officerId));
    const onLeave = all.filter((o) => !demo.has(o.id)).at(-1)!;
    await patchOfficer(token, onLeave.id, 'cuti');
    const { context, page } = await newPage(browser, { viewport: DESKTOP });
    await page.route((u) => u.pathname === '/v1/officers' && u.searchParams.get('agencyId') === 'dinkes', (route) =>
      route.continue({ url: `${route.request().url()}&limit=${pageSize}` }));
    await signIn(page, 'serang.admin');
    await page.goto('/opd/dinkes');
    const rows = page.locator('section.card:has(h2:has-text("Daftar pegawai")) tbody tr.clickable');
    await expect.poll(() => rows.count()).toBe(pageSize);
    const more = page.locator('[data-testid="load-more"]');
    expect(await more.textContent()).toContain('Muat lebih banyak');
    await screenshot(page, 'agency-officers-desktop');
    while (await more.count()) {
      const n = await rows.count();
      await more.click();
      await expect.poll(() => rows.count()).toBeGreaterThan(n);
    }
    expect(await rows.count()).toBe(all.length);
    const nips = await rows.locator('td:nth-child(2)').allTextContents();
    expect(new Set(nips).size).toBe(all.length); // each page once, none repeated

    expect(await page.locator('[data-officer-status="cuti"]').textContent()).toBe('Cuti');

    // The API's search: a NIP prefix narrows the list on the server.
    await page.fill('input[name="officer-search"]', nips[0]!);
    await expect.poll(() => rows.count()).toBe(1);
    await context.close();
    await patchOfficer(token, onLeave.id, 'aktif');

    const phone = await newPage(browser, { phone: true });
    await phone.page.route((u) => u.pathname === '/v1/officers' && u.searchParams.get('agencyId') === 'dinkes', (route) =>
      route.continue({ url: `${route.request().url()}&limit=${pageSize}` }));
    await signIn(phone.page, 'serang.admin');
    await phone.page.goto('/opd/dinkes');
    await phone.page.waitForSelector('[data-testid="load-more"]');
    await screenshot(phone.page, 'agency-officers-phone');
    await phone.context.close();
  });
});

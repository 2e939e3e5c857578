// A supervisor writes next year's SKP of a subordinate in the dashboard, starting from this year's,
// each utama RHK cascading from the supervisor's own; both agree it; the cascade shows it under the
// supervisor's RHK; changing the agreed plan needs a reason and makes a new version.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const put = async (path: string, token: string, body: unknown) =>
  fetch(`${baseUrl()}${path}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('SKP authoring', () => {
  it('as serang.atasan: copy last year, cascade every utama RHK, agree with the officer, see the cascade', async () => {
    const users = (await apiGet('/v1/dev/users')).body.users as any[];
    const atasan = users.find((u) => u.username === 'serang.atasan').officerId;
    const pegawai = users.find((u) => u.username === 'serang.pegawai').officerId;
    const [adminToken, atasanToken] = [await tokenFor('serang.admin'), await tokenFor('serang.atasan')];
    const thisYear = (await apiGet(`/v1/officers/${pegawai}/plans/${new Date().getUTCFullYear()}`, atasanToken)).body;
    expect(thisYear.status).toBe('agreed'); // the seed's plans are agreed and cascade
    expect(thisYear.rhk.filter((r: any) => r.kind === 'utama').every((r: any) => r.parentRhkId)).toBe(true);
    // The first later year without a plan, so the test also runs again on the same data.
    let Y = thisYear.year + 1;
    while ((await apiGet(`/v1/officers/${pegawai}/plans/${Y}`, atasanToken)).status === 200) Y++;
    // The supervisor's RHK of that year have ids of their own: last year's links do not carry over.
    const [k1, k2] = [`k${Y}a`, `k${Y}b`];
    const own = { rhk: [
      { id: k1, kind: 'utama', title: 'Pelayanan publik unit tepat waktu', indicators: [{ id: `${k1}i1`, name: 'Layanan selesai', aspect: 'kuantitas', target: 1200, unit: 'layanan', source: 'report' }] },
      { id: k2, kind: 'utama', title: 'Tata kelola arsip unit', indicators: [{ id: `${k2}i1`, name: 'Arsip tertata', aspect: 'kualitas', target: 95, unit: '%', source: 'report' }] },
    ] };
    // The supervisor's own plan for the year comes from their supervisor (here the BKPSDM), never from themselves.
    expect((await put(`/v1/officers/${atasan}/plans/${Y}`, atasanToken, own)).status).toBe(403);
    const existing = await apiGet(`/v1/officers/${atasan}/plans/${Y}`, adminToken);
    if (existing.status === 404) expect((await put(`/v1/officers/${atasan}/plans/${Y}`, adminToken, own)).status).toBe(200);

    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      await signIn(page, 'serang.atasan');
      await page.goto(`/skp/${pegawai}/${Y}`);
      await page.click(`button:has-text("Salin dari SKP ${Y - 1}")`);
      await page.waitForSelector('form.editor fieldset.rhk');
      const rhkCount = await page.locator('form.editor fieldset.rhk').count();
      expect(rhkCount).toBe(thisYear.rhk.length);
      // Last year's parents are not in this year's supervisor plan: saving without choosing is refused next to the field.
      await page.click('form.editor button[type="submit"]');
      await page.waitForSelector('select[name="rhk.0.parentRhkId"][aria-invalid="true"]');
      expect(await page.locator('select[name="rhk.0.parentRhkId"] + .field-error, select[name="rhk.0.parentRhkId"] ~ .field-error').first().textContent()).toMatch(/RHK atasan/);
      await screenshot(page, 'skp-editor-desktop');
      for (let a = 0; a < rhkCount; a++) {
        const kind = await page.locator(`select[name="rhk.${a}.kind"]`).inputValue();
        if (kind === 'utama') await page.selectOption(`select[name="rhk.${a}.parentRhkId"]`, a % 2 ? k2 : k1);
      }
      await page.click('form.editor button[type="submit"]');
      await page.waitForSelector('[data-testid="plan-status"]');
      expect(await page.textContent('[data-testid="plan-status"]')).toBe('Draf');
      await page.click('button:has-text("Setujui SKP ini")');
      await page.waitForSelector('li[data-side="supervisor"] .ok-text');
      expect(await page.textContent('[data-testid="plan-status"]')).toBe('Draf'); // the officer has not agreed yet
    } finally { await context.close(); }

    const officer = await newPage(browser, { phone: true });
    try {
      await signIn(officer.page, 'serang.pegawai');
      await officer.page.goto(`/skp/${pegawai}/${Y}`);
      await officer.page.waitForSelector('[data-testid="plan-status"]');
      expect(await officer.page.locator('button:has-text("Ubah SKP")').count()).toBe(0); // the officer never edits their own plan
      await officer.page.click('button:has-text("Setujui SKP ini")');
      await officer.page.waitForFunction(() => document.querySelector('[data-testid="plan-status"]')?.textContent === 'Disepakati');
      expect(await officer.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(officer.page, 'skp-phone');
    } finally { await officer.context.close(); }
    const agreed = (await apiGet(`/v1/officers/${pegawai}/plans/${Y}`, atasanToken)).body;
    expect(agreed).toMatchObject({ status: 'agreed', version: 1 });
    expect(agreed.rhk.filter((r: any) => r.kind === 'utama').every((r: any) => [k1, k2].includes(r.parentRhkId))).toBe(true);

    const again = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      await signIn(again.page, 'serang.atasan');
      // The cascade from the supervisor down: the officer's RHK under the supervisor's RHK.
      await again.page.goto(`/skp/${atasan}/${Y}`);
      await again.page.waitForSelector('[data-testid="cascade"] ul.tree li li');
      const under = await again.page.locator('[data-testid="cascade"] ul.tree.top > li').first().locator('li .title').allTextContents();
      expect(under).toContain(agreed.rhk.find((r: any) => r.parentRhkId === k1).title);
      await screenshot(again.page, 'skp-cascade-desktop');

      // An agreed plan changes only with a reason; the change is a new version in the history.
      await again.page.goto(`/skp/${pegawai}/${Y}`);
      await again.page.click('button:has-text("Ubah SKP")');
      await again.page.fill('input[name="rhk.0.indicators.0.target"]', '1.500');
      await again.page.click('form.editor button[type="submit"]');
      await again.page.waitForSelector('textarea[name="reason"][aria-invalid="true"]');
      await again.page.fill('textarea[name="reason"]', 'Target dinaikkan sesuai beban kerja baru');
      await again.page.click('form.editor button[type="submit"]');
      await again.page.waitForSelector('[data-testid="history"] li:has-text("v2")');
      expect(await again.page.textContent('[data-testid="plan-status"]')).toBe('Disepakati');
      expect(await again.page.textContent('[data-testid="history"]')).toContain('Target dinaikkan sesuai beban kerja baru');
      const v2 = (await apiGet(`/v1/officers/${pegawai}/plans/${Y}`, atasanToken)).body;
      expect(v2.version).toBe(2);
      expect(v2.rhk[0].indicators[0].target).toBe(1500);
      await screenshot(again.page, 'skp-desktop');
    } finally { await again.context.close(); }
  });
});

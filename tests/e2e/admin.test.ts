// The BKPSDM's organisation and officers screens: a unit added and an organisational rating set on
// /admin/opd (with the year's curve, and "belum dinilai" where a year has no rating); on /admin/pegawai
// an officer found by a NIP prefix, put on leave from a date, and given a late-report window. What the
// test changes is put back (rating, status); the unit it adds has a name no other test looks for.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
let token: string;
beforeAll(async () => { browser = await launch(); token = await tokenFor('serang.admin'); });
afterAll(async () => { await browser?.close(); });

const ZONE = 'Asia/Jakarta'; // Kota Serang
const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date());
const year = Number(today.slice(0, 4));

async function send(method: string, path: string, body: unknown) {
  const res = await fetch(`${baseUrl()}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBeLessThan(300);
  return res.json();
}

const noSideScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

describe('organisation screen (/admin/opd)', () => {
  it('adds a unit, sets an agency\'s rating for the year and shows its curve; a year without a rating is "belum dinilai"', async () => {
    // An agency that no other browser test opens, with a rating and final predikat this year.
    const agencies = (await apiGet('/v1/agencies', token)).body.agencies as { id: string; units: { name: string; kind: string; yearlyServiceUsers?: number }[] }[];
    const agency = agencies.find((a) => a.id === 'dinsos') ?? agencies.at(-1)!;
    const before = (await apiGet(`/v1/agencies/${agency.id}/curve?year=${year}`, token)).body;
    expect(before.rating).not.toBeNull();
    expect((await apiGet(`/v1/agencies/${agency.id}/curve?year=${year + 1}`, token)).body).toMatchObject({ rating: null, status: 'unchecked' });
    const rating = before.rating === 'ISTIMEWA' ? 'SANGAT_KURANG' : 'ISTIMEWA';
    const unitName = `Zona Uji Layanan ${Date.now().toString(36)}`;

    const { context, page } = await newPage(browser);
    const panel = page.locator(`[data-agency-id="${agency.id}"]`);
    try {
      await signIn(page, 'serang.admin');
      await page.goto('/admin/opd');
      await panel.locator('button[aria-expanded]').click();

      // A unit without a name is refused by the API, the reason next to the field; then added.
      const add = panel.locator('[data-testid="unit-add"]');
      await add.locator('button[type="submit"]').click();
      await add.locator('input[name="unit-name"][aria-invalid="true"]').waitFor();
      expect(await add.locator('.field-error').first().textContent()).toBeTruthy();
      await add.locator('input[name="unit-name"]').fill(unitName);
      await add.locator('select[name="unit-kind"]').selectOption('kantor');
      await add.locator('input[name="unit-users"]').fill('1200');
      await add.locator('button[type="submit"]').click();
      await add.locator('[data-form-status="ok"]').waitFor();
      await panel.locator(`.chip:has-text("${unitName}")`).waitFor();
      expect(await panel.locator(`.units tr:has-text("${unitName}")`).textContent()).toContain('1.200');
      const saved = (await apiGet('/v1/agencies', token)).body.agencies.find((a: { id: string }) => a.id === agency.id).units;
      expect(saved).toContainEqual(expect.objectContaining({ name: unitName, kind: 'kantor', yearlyServiceUsers: 1200 }));

      // The rating of the year, then the curve that the API holds the year's predikat to.
      await panel.locator('select[name="org-rating"]').selectOption(rating);
      await panel.locator('form.rating button[type="submit"]').click();
      await panel.locator('[data-testid="rating-status"] [data-form-status="ok"]').waitFor();
      const after = (await apiGet(`/v1/agencies/${agency.id}/curve?year=${year}`, token)).body;
      expect(after.rating).toBe(rating);
      expect(after.status).not.toBe('unchecked');
      await expect.poll(() => panel.locator(`.curve[data-curve-year="${year}"] [data-curve-status]`).getAttribute('data-curve-status')).toBe(after.status);
      expect(await panel.locator('.head [data-curve-status]').getAttribute('data-curve-status')).toBe(after.status);
      expect(await panel.locator('.head [data-rating]').getAttribute('data-rating')).toBe(rating);
      const rules = panel.locator('.curve li[data-rule]');
      expect(await rules.count()).toBe(after.rules.length);
      for (const r of after.rules) expect(await panel.locator(`.curve li[data-rule="${r.rule}"]`).getAttribute('data-ok')).toBe(String(r.ok));
      for (const [p, n] of Object.entries(after.counts)) expect(await panel.locator(`.curve tr[data-predikat="${p}"] td.num`).first().textContent()).toBe(new Intl.NumberFormat('id-ID').format(n as number));
      await screenshot(page, 'admin-opd-desktop');

      // Next year nobody is rated yet: every agency reads "belum dinilai", never a pass.
      await page.selectOption('select[name="curve-year"]', String(year + 1));
      await expect.poll(() => panel.locator('.head [data-curve-status]').textContent()).toBe('Belum dinilai');
      expect(await panel.locator('.curve [data-curve-status]').textContent()).toBe('Belum dinilai');
      expect(await page.locator('[data-curve-status="pass"]').count()).toBe(0);
      expect(await page.locator('.head [data-curve-status="unchecked"]').count()).toBe(agencies.length);
    } finally {
      await send('PUT', `/v1/agencies/${agency.id}/org-ratings/${year}`, { rating: before.rating });
      await context.close();
    }

    const phone = await newPage(browser, { phone: true });
    await signIn(phone.page, 'serang.admin');
    await phone.page.goto('/admin/opd');
    await phone.page.locator(`[data-agency-id="${agency.id}"] button[aria-expanded]`).click();
    await phone.page.locator(`[data-agency-id="${agency.id}"] .curve`).waitFor();
    await noSideScroll(phone.page);
    await screenshot(phone.page, 'admin-opd-phone');
    await phone.context.close();
  });
});

describe('officers screen (/admin/pegawai)', () => {
  it('finds an officer by a NIP prefix, puts them on leave from a date, and opens a late window only with a reason', async () => {
    // An officer who is no demo user and sits in an agency no other browser test opens.
    const demo = new Set(((await apiGet('/v1/dev/users')).body.users as { officerId: string | null }[]).map((u) => u.officerId));
    const staff = (await apiGet('/v1/officers?agencyId=dpmptsp&limit=200', token)).body.items as { id: string; nip: string; name: string; status: string }[];
    const officer = staff.filter((o) => !demo.has(o.id) && o.status === 'aktif').at(-1)!;
    expect(officer).toBeTruthy();

    const { context, page } = await newPage(browser);
    try {
      await signIn(page, 'serang.admin');
      await page.goto('/admin/pegawai');
      await page.fill('input[name="officer-search"]', officer.nip.slice(0, 10));
      const link = page.locator(`[data-testid="officer-results"] tr[data-officer-id="${officer.id}"] a`);
      await page.locator('[data-testid="officer-results"] tr[data-officer-id]').first().waitFor();
      for (let n = 0; n < 10 && !(await link.count()); n++) {
        await page.click('[data-testid="load-more"]');
        await page.waitForTimeout(300);
      }
      const nips = await page.locator('[data-testid="officer-results"] td.nip').allTextContents();
      expect(nips.every((n) => n.startsWith(officer.nip.slice(0, 10)))).toBe(true);
      await link.click();
      await page.waitForURL((u) => u.searchParams.get('pegawai') === officer.id);
      expect(await page.locator('#record-name').textContent()).toBe(officer.name);
      expect(await page.locator(`.record a[href="/pegawai/${officer.id}"]`).count()).toBe(1);

      // On leave (cuti) from today: the record and the API agree.
      const status = page.locator('[data-testid="status-form"]');
      await status.locator('select[name="status"]').selectOption('cuti');
      await status.locator('input[name="effectiveFrom"]').fill(today);
      await status.locator('button[type="submit"]').click();
      await status.locator('[data-form-status="ok"]').waitFor();
      await page.locator(`[data-testid="status-history"] tr[data-status="cuti"][data-from="${today}"]`).waitFor();
      expect(await page.locator('[data-testid="record-status"]').textContent()).toBe('Cuti');
      const read = (await apiGet(`/v1/officers/${officer.id}`, token)).body;
      expect(read.status).toBe('cuti');
      expect(read.statuses).toContainEqual({ status: 'cuti', from: today });

      // A late window: refused in the form without a reason (nothing sent), opened with one.
      const late = page.locator('[data-testid="late-window-form"]');
      let posted = 0;
      page.on('request', (r) => { if (r.url().endsWith('/v1/late-windows') && r.method() === 'POST') posted++; });
      await late.locator('button[type="submit"]').click();
      await late.locator('textarea[name="reason"][aria-invalid="true"]').waitFor();
      expect(await late.locator('.field-error').textContent()).toBe('Tuliskan alasan laporan terlambat.');
      expect(posted).toBe(0);
      await late.locator('textarea[name="reason"]').fill('Aplikasi tidak dapat diakses saat batas waktu pelaporan.');
      const answered = page.waitForResponse((r) => r.url().endsWith('/v1/late-windows') && r.request().method() === 'POST');
      await late.locator('button[type="submit"]').click();
      const window = await (await answered).json();
      expect(window).toMatchObject({ officerId: officer.id, reason: 'Aplikasi tidak dapat diakses saat batas waktu pelaporan.' });
      expect(Date.parse(window.closesAt)).toBeGreaterThan(Date.now());
      await late.locator('[data-form-status="ok"]').waitFor();
      const closes = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: ZONE }).format(new Date(window.closesAt));
      expect(await late.locator('[data-form-status="ok"]').textContent()).toContain(closes);
      await screenshot(page, 'admin-pegawai-desktop');
    } finally {
      await send('PATCH', `/v1/officers/${officer.id}`, { status: 'aktif', effectiveFrom: today });
      await context.close();
    }
    expect((await apiGet(`/v1/officers/${officer.id}`, token)).body.status).toBe('aktif');

    const phone = await newPage(browser, { phone: true });
    await signIn(phone.page, 'serang.admin');
    await phone.page.goto(`/admin/pegawai?pegawai=${officer.id}`);
    await phone.page.fill('input[name="officer-search"]', officer.nip.slice(0, 10));
    await phone.page.locator(`[data-testid="officer-results"] tr[data-officer-id="${officer.id}"]`).waitFor();
    await phone.page.locator('#record-name').waitFor();
    await noSideScroll(phone.page);
    await screenshot(phone.page, 'admin-pegawai-phone');
    await phone.context.close();
  });
});

// The team screens in the browser: a second-level supervisor decides an objection beside the evaluation
// and the officer sees the outcome; an officer logs training and the JP bar moves; a supervisor's team
// with report status and links; a city flag alert opens the officers behind it. Desktop and phone shots.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, baseUrl, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const TZ = 'Asia/Jakarta'; // Serang
const DAY = 86_400_000;
async function apiPost(path: string, token: string, body: unknown) {
  const res = await fetch(`${baseUrl()}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => null)) as any };
}
/** Signs in as any officer (by NIP) the way the dashboard keeps a session: its token in localStorage. */
async function signInAs(page: Page, nip: string) {
  const token = await tokenFor(nip);
  await page.addInitScript((t) => localStorage.setItem('kinerja.token', t), token);
}
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
const lastMonth = () => {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * An officer two levels below atasan's supervisor (serang.atasan's reports first), so that supervisor decides,
 * with a published evaluation of last month still inside its 14-day window and no objection yet. The seed's
 * latest evaluations were published over 14 days ago, so when none is open the BKPSDM runs last month (as
 * the scheduler would on day 11); the run's evaluations stay open for 14 days, and each test run uses another officer.
 */
async function openEvaluation(admin: string) {
  const period = lastMonth();
  const atasan = (await apiGet('/v1/me', await tokenFor('serang.atasan'))).body.officer;
  const deciderId = (await apiGet(`/v1/officers/${atasan.id}`, admin)).body.supervisorId as string;
  expect(deciderId, 'serang.atasan has a supervisor').toBeTruthy();
  const team = (await apiGet(`/v1/team?supervisorId=${deciderId}&limit=200`, admin)).body.items
    .filter((r: any) => r.depth === 2)
    .sort((a: any, b: any) => Number(b.officer.supervisorId === atasan.id) - Number(a.officer.supervisorId === atasan.id));
  const find = async () => {
    for (const r of team) {
      const evs = (await apiGet(`/v1/officers/${r.officer.id}/evaluations?year=${period.slice(0, 4)}`, admin)).body.items ?? [];
      const ev = evs.find((e: any) => e.period === period && e.status === 'published' && !e.objection && Date.parse(e.objectionDeadline) > Date.now() + DAY);
      if (ev) return { officer: r.officer, evaluation: ev };
    }
    return null;
  };
  let found = await find();
  if (!found) {
    const run = await apiPost('/v1/evaluations/runs', admin, { period });
    expect([202, 409]).toContain(run.status);
    for (let i = 0; i < 300 && run.body?.id; i++) {
      const s = (await apiGet(`/v1/evaluations/runs/${run.body.id}`, admin)).body;
      if (s.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    found = await find();
  }
  expect(found, 'an officer two levels below with an open evaluation').toBeTruthy();
  return { ...found!, deciderId, period };
}

describe('objections', () => {
  it('the supervisor\'s supervisor sees the reason beside the evaluation, amends with a note, and the officer sees the outcome', async () => {
    const admin = await tokenFor('serang.admin');
    const { officer, evaluation, deciderId: expected } = await openEvaluation(admin);
    const reason = `Tugas tambahan penanganan KLB bulan ${evaluation.period} belum tercatat di SKP (${Date.now()}).`;
    const filed = await apiPost(`/v1/evaluations/${evaluation.id}/objections`, await tokenFor(officer.nip), { reason });
    expect(filed.status).toBe(201);
    const deciderId = filed.body.deciderId as string | null;
    expect(deciderId).toBe(expected);
    const decider = deciderId ? (await apiGet(`/v1/officers/${deciderId}`, admin)).body : null;

    // Phone first, while the objection is still pending.
    const phone = await newPage(browser, { phone: true });
    if (decider) await signInAs(phone.page, decider.nip); else await signIn(phone.page, 'serang.admin');
    await phone.page.goto(decider ? '/keberatan' : '/keberatan');
    if (!decider) await phone.page.click('button:has-text("BKPSDM")');
    await phone.page.waitForSelector(`[data-objection="${evaluation.id}"]`);
    expect(await noSideScroll(phone.page)).toBe(true);
    await screenshot(phone.page, 'keberatan-phone');
    await phone.context.close();

    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    if (decider) await signInAs(page, decider.nip); else await signIn(page, 'serang.admin');
    await page.goto('/keberatan');
    if (!decider) await page.click('button:has-text("BKPSDM")');
    const card = page.locator(`[data-objection="${evaluation.id}"]`);
    await card.waitFor();
    // The evaluation and the reason side by side.
    await expect.poll(() => card.locator('.reason blockquote').textContent()).toBe(reason);
    expect(await card.locator('.side').first().textContent()).toContain(evaluation.period);
    const [left, right] = await Promise.all([card.locator('.side').first().boundingBox(), card.locator('.side.reason').boundingBox()]);
    expect(right!.x).toBeGreaterThan(left!.x + left!.width - 1);
    expect(Math.abs(right!.y - left!.y)).toBeLessThan(4);
    await screenshot(page, 'keberatan-desktop');

    const amended = evaluation.finalPredikat === 'BAIK' ? 'BUTUH_PERBAIKAN' : 'BAIK';
    const note = 'Tugas tambahan terbukti dari surat tugas; predikat disesuaikan.';
    await card.locator('input[value="amend"]').check();
    await card.locator('select').selectOption(amended);
    await card.locator('textarea').fill(note);
    await card.locator('button[type="submit"]').click();
    await page.waitForSelector('.notice.ok');
    await card.waitFor({ state: 'detached' });
    await page.click('button:has-text("Sudah diputuskan")');
    await page.locator(`[data-objection="${evaluation.id}"] [data-outcome="amended"]`).waitFor();
    await context.close();

    // The officer's own page: decision, note, amended predikat and date.
    const mine = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signInAs(mine.page, officer.nip);
    await mine.page.goto(`/pegawai/${officer.id}`);
    const outcome = mine.page.locator(`[data-evaluation="${evaluation.id}"] [data-testid="objection-outcome"]`);
    await outcome.waitFor();
    const text = (await outcome.textContent()) ?? '';
    expect(text).toContain(note);
    expect(text).toMatch(/diputuskan \d/);
    expect(await mine.page.locator(`[data-evaluation="${evaluation.id}"] [data-objection-status="amended"]`).count()).toBe(1);
    await mine.context.close();
  });
});

describe('training', () => {
  for (const phone of [false, true]) {
    it(`an officer logs a training and the JP total and bar move (${phone ? 'phone' : 'desktop'})`, async () => {
      const { context, page } = await newPage(browser, phone ? { phone: true } : { viewport: { width: 1280, height: 800 } });
      await signIn(page, 'serang.pegawai');
      await page.goto('/pelatihan');
      const total = page.locator('[data-testid="jp-total"]');
      await total.waitFor();
      const before = Number(await total.getAttribute('data-jp'));
      const widthBefore = await page.locator('[data-testid="jp-bar"]').evaluate((el) => el.getBoundingClientRect().width);
      await page.fill('input[name="title"]', 'e-Learning Manajemen Risiko Sektor Publik');
      await page.fill('input[name="provider"]', 'BPSDM Provinsi Banten');
      await page.fill('input[name="jp"]', '2');
      await page.fill('input[name="certificateUrl"]', 'https://lms.bpsdm.bantenprov.go.id/sertifikat/mr-2.pdf');
      await page.click('button[type="submit"]');
      await page.waitForSelector('.notice.ok');
      await expect.poll(async () => Number(await total.getAttribute('data-jp'))).toBeCloseTo(before + 2, 5);
      if (before + 2 <= 20) await expect.poll(() => page.locator('[data-testid="jp-bar"]').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(widthBefore);
      expect(await page.locator('a:has-text("Sertifikat")').count()).toBeGreaterThan(0);
      if (phone) expect(await noSideScroll(page)).toBe(true);
      await screenshot(page, `pelatihan-${phone ? 'phone' : 'desktop'}`);
      await context.close();
    });
  }
});

describe('team', () => {
  for (const phone of [false, true]) {
    it(`serang.atasan sees the team with report status and opens an officer (${phone ? 'phone' : 'desktop'})`, async () => {
      const { context, page } = await newPage(browser, phone ? { phone: true } : { viewport: { width: 1280, height: 800 } });
      await signIn(page, 'serang.atasan');
      await page.goto('/tim');
      await page.waitForSelector('tr[data-officer]');
      expect(await page.locator('tr[data-officer]').count()).toBeGreaterThan(0);
      expect(await page.locator('tr[data-officer] td[data-report] .badge').count()).toBe(await page.locator('tr[data-officer]').count());
      if (phone) expect(await noSideScroll(page)).toBe(true);
      await screenshot(page, `tim-${phone ? 'phone' : 'desktop'}`);
      const link = page.locator('tr[data-officer] a[href^="/pegawai/"]').first();
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL(`**${href}`);
      await page.waitForSelector('h1');
      await context.close();
    });
  }
});

describe('flag drill-down', () => {
  it('a flag alert on the city page opens the officers behind it', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.pimpinan');
    await page.waitForURL('**/kota');
    const alert = page.locator('.alerts a[href^="/daftar-catatan"]').first();
    await alert.waitFor({ timeout: 15_000 });
    const count = Number(((await alert.textContent()) ?? '').match(/^[\d.]+/)![0].replace(/\./g, ''));
    await alert.click();
    await page.waitForURL('**/daftar-catatan?**');
    await page.waitForSelector('li[data-officer]');
    // Every page of the list: as many officers as the alert counted.
    while (await page.locator('[data-testid="load-more"]').count()) {
      await page.click('[data-testid="load-more"]');
      await page.waitForFunction(() => !document.querySelector('[data-testid="load-more"][aria-busy="true"]'));
    }
    expect(await page.locator('li[data-officer]').count()).toBe(count);
    await screenshot(page, 'daftar-catatan-desktop');
    await page.locator('li[data-officer] a').first().click();
    await page.waitForURL('**/pegawai/**');
    await context.close();
  });
});

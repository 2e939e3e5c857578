// Documents and awards in the browser: the officer downloads the SKP and an evaluation as PDFs (the
// download event's file starts with %PDF-), the BKPSDM downloads an agency's ZIP and confirms an award
// candidate on /admin/penghargaan, whose certificate then downloads. Re-runnable: each run confirms a
// candidate not yet awarded (any of the last twelve months).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

const YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(new Date());
const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);

/** Clicks the button and answers the first bytes of the file it downloads. */
async function downloaded(page: Page, selector: string): Promise<{ head: string; name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.locator(selector).first().click()]);
  const bytes = readFileSync((await file.path())!);
  return { head: bytes.subarray(0, 5).toString('latin1'), name: file.suggestedFilename(), bytes };
}

describe('documents', () => {
  let pegawai: { id: string; nip: string };

  it('the officer downloads the SKP as a PDF from the SKP screen', async () => {
    pegawai = (await apiGet('/v1/me', await tokenFor('serang.pegawai'))).body.officer;
    for (const size of [{ viewport: { width: 1280, height: 800 } }, { phone: true }] as const) {
      const { context, page } = await newPage(browser, size);
      await signIn(page, 'serang.pegawai');
      await page.goto(`/skp/${pegawai.id}/${YEAR}`);
      await page.locator('[data-testid="skp-download"]').waitFor();
      await screenshot(page, `documents-skp-${'phone' in size ? 'phone' : 'desktop'}`);
      expect(await noSideScroll(page)).toBe(true);
      const file = await downloaded(page, '[data-testid="skp-download"]');
      expect(file.head).toBe('%PDF-');
      expect(file.name).toBe(`SKP-${pegawai.nip}-${YEAR}.pdf`);
      await context.close();
    }
  });

  it('the officer downloads an evaluation as a PDF from the officer screen', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.pegawai');
    await page.goto(`/pegawai/${pegawai.id}`);
    await page.locator('[data-testid="evaluation-download"]').first().waitFor({ timeout: 60_000 }); // the officer page loads several panels
    const file = await downloaded(page, '[data-testid="evaluation-download"]');
    expect(file.head).toBe('%PDF-');
    expect(file.name).toMatch(new RegExp(`^Evaluasi-${pegawai.nip}-\\d{4}-\\d{2}\\.pdf$`));
    await context.close();
  });

  it('the BKPSDM downloads an agency\'s evaluation documents as one ZIP', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.admin');
    await page.goto('/admin/evaluasi');
    const bundle = page.locator('[data-testid="agency-bundle"]');
    await bundle.locator('select').selectOption('dinkes');
    // The latest evaluated period (last month's evaluation runs only after the review due day).
    const latest = (await apiGet('/v1/officers/' + pegawai.id + '/evaluations?limit=1', await tokenFor('serang.pegawai'))).body.items[0].period;
    await bundle.locator('input').fill(latest);
    const file = await downloaded(page, '[data-testid="bundle-download"]');
    expect(file.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    await bundle.locator('[role="status"]').waitFor();
    await screenshot(page, 'documents-bundle-desktop');
    await context.close();
  });
});

describe('awards', () => {
  it('the BKPSDM confirms an award candidate and downloads its certificate', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.admin');
    // Each period's candidates are read only once its answer has arrived (on a loaded machine the table is
    // otherwise read while still empty, and every period looks like it has none).
    const flagged = (period?: string) => page.waitForResponse((r) => r.url().includes('/v1/evaluations/flagged') && (!period || r.url().includes(`period=${period}&`)));
    const initial = flagged();
    await page.goto('/admin/penghargaan');
    await initial;
    await page.locator('#award-period option').first().waitFor({ state: 'attached' });
    const periods = await page.locator('#award-period option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const shown = await page.locator('#award-period').inputValue();
    let row = null;
    for (const period of periods) {
      if (period !== shown) {
        const loaded = flagged(period);
        await page.locator('#award-period').selectOption(period);
        await loaded;
      }
      const open = page.locator('tr[data-candidate]', { has: page.locator('button.link') });
      for (;;) { // a page holds the flagged ones of 200 evaluations: read on until one is open or the period ends
        await page.locator('[data-testid="candidates"][aria-busy="false"]').waitFor();
        const more = page.locator('[data-testid="load-more"]');
        if (await open.count() || !(await more.count())) break;
        await more.click();
      }
      if (await open.count()) { row = open.first(); break; }
    }
    expect(row, 'a candidate not yet awarded in the last twelve months').not.toBeNull();
    const name = (await row!.locator('a').innerText()).trim();
    await row!.locator('button.link').click();
    const form = page.locator('[data-testid="award-form"]');
    await form.locator('input').fill('Pegawai Berkinerja Terbaik');
    await form.locator('textarea').fill('Atas predikat Sangat Baik berturut-turut dan pelayanan yang teladan.');
    await form.locator('button[type="submit"]').click();
    await page.locator('.notice[role="status"]', { hasText: name }).waitFor();
    const award = page.locator('li[data-award]', { hasText: name }).first();
    await award.waitFor();
    await screenshot(page, 'awards-admin-desktop');
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), award.locator('[data-testid="certificate-download"]').click()]);
    expect(readFileSync((await file.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await context.close();
    const phone = await newPage(browser, { phone: true });
    await signIn(phone.page, 'serang.admin');
    await phone.page.goto('/admin/penghargaan');
    await phone.page.locator('li[data-award]').first().waitFor();
    await screenshot(phone.page, 'awards-admin-phone');
    expect(await noSideScroll(phone.page)).toBe(true);
    await phone.context.close();
  });

  it('the public recognition list names the awarded officers without a NIP', async () => {
    for (const size of [{ viewport: { width: 1280, height: 800 } }, { phone: true }] as const) {
      const { context, page } = await newPage(browser, size);
      await page.goto('/penghargaan/serang');
      await page.locator('[data-testid="recognition-list"] li').first().waitFor();
      const text = await page.locator('[data-testid="recognition-list"]').innerText();
      expect(text).not.toMatch(/\d{18}/);
      await screenshot(page, `recognition-${'phone' in size ? 'phone' : 'desktop'}`);
      expect(await noSideScroll(page)).toBe(true);
      await context.close();
    }
  });
});

// Public forums and SKM follow-ups in the browser. The region admin records a forum with an issue
// tied to U3 and an action, then closes the action; the Dinas Kesehatan admin creates a follow-up for
// one of its units (the first unit × period with survey data and no plan yet, so a rerun picks a fresh
// one) and sees it beside the element scores on the agency page. Shots: forum-desktop, forum-phone,
// followup-desktop.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

const TZ = 'Asia/Jakarta'; // Serang
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));
/** The panel's period choices, in its order: last ended quarter, this quarter, this year, last year. */
function panelPeriods(): string[] {
  const [y, m] = day(0).split('-').map(Number) as [number, number];
  const q = Math.ceil(m / 3);
  const last = q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  return [last, `${y}-Q${q}`, String(y), String(y - 1)];
}

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('public forums (/forum)', () => {
  it('the region admin records a forum with an issue tied to U3 and closes its action', async () => {
    const marker = `E2E ${Date.now().toString(36)}`;
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.admin');
    await page.goto('/forum');
    const form = page.locator('[data-testid="forum-form"]');
    await form.locator('select[name="agencyId"]').selectOption('dinkes');
    await form.locator('input[name="date"]').fill(day(-1));
    await form.locator('input[name="place"]').fill('Aula Puskesmas Serang Kota');
    await form.locator('input[name="citizens"]').fill('28');
    await form.locator('input[name="officers"]').fill('6');
    await form.locator('textarea[name="minutes"]').fill(`${marker}: warga menyampaikan waktu penyelesaian layanan yang terlalu lama.`);
    await form.locator('input[name="issue-0-text"]').fill(`${marker} antrean pendaftaran lebih dari dua jam`);
    await form.locator('select[name="issue-0-element"]').selectOption('u3');
    await form.locator('input[name="actions-0-title"]').fill(`${marker} buka pendaftaran daring`);
    await form.locator('input[name="actions-0-owner"]').fill('Kepala Puskesmas');
    await form.locator('input[name="actions-0-due"]').fill(day(14));
    await form.getByRole('button', { name: 'Simpan' }).click();

    const item = page.locator('[data-testid^="forum-frm_"]', { hasText: marker });
    await item.waitFor();
    expect(await item.locator('.issues').textContent()).toContain('U3 Waktu Penyelesaian');
    const action = item.locator('[data-testid$="-a1"]');
    expect(await action.textContent()).toContain('Berjalan');
    await screenshot(page, 'forum-desktop');

    await action.getByRole('button', { name: 'Tandai selesai' }).click();
    await action.getByRole('button', { name: 'Buka kembali' }).waitFor();
    expect(await action.textContent()).toContain('Selesai');
    // The API agrees: stored done.
    const list = await apiGet(`/v1/forums?agencyId=dinkes&year=${day(-1).slice(0, 4)}`, await tokenFor('serang.admin'));
    const stored = list.body.items.find((f: any) => f.minutes.startsWith(marker));
    expect(stored.actions[0].status).toBe('done');
    expect(stored.issues[0].element).toBe('u3');
    await context.close();

    const phone = await newPage(browser, { phone: true });
    await signIn(phone.page, 'serang.admin');
    await phone.page.goto('/forum');
    await phone.page.locator('[data-testid="forum-list"]').waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone.page, 'forum-phone');
    await phone.context.close();
  });
});

describe('SKM follow-up beside the unit IKM (/opd/dinkes)', () => {
  it('the agency admin creates a follow-up on the proposed elements and sees it beside the scores', async () => {
    const token = await tokenFor('serang.opd');
    const agency = (await apiGet('/v1/agencies', token)).body.agencies.find((a: any) => a.id === 'dinkes');
    let target: { unitId: string; period: string; proposed: string[] } | undefined;
    for (const period of panelPeriods()) {
      for (const u of agency.units) {
        const q = `unitId=${u.id}&period=${period}`;
        const proposal = await apiGet(`/v1/ikm/follow-ups/proposal?${q}`, token);
        if (proposal.status !== 200) continue;
        if ((await apiGet(`/v1/ikm/follow-ups?${q}`, token)).body.items.length) continue;
        target = { unitId: u.id, period, proposed: proposal.body.proposed };
        break;
      }
      if (target) break;
    }
    expect(target, 'a Dinas Kesehatan unit × period with survey data and no plan yet').toBeDefined();

    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(page, 'serang.opd');
    await page.goto('/opd/dinkes');
    const panel = page.locator('[data-testid="follow-up-panel"]');
    await panel.waitFor();
    await panel.locator('select[name="follow-up-unit"]').selectOption(target!.unitId);
    await panel.locator('select[name="follow-up-period"]').selectOption(target!.period);
    await panel.locator('[data-testid="follow-up-form"]').waitFor();
    // The proposed elements come checked; each is marked weak beside its NRR.
    for (const k of target!.proposed) expect(await panel.locator(`input[name="element-${k}"]`).isChecked()).toBe(true);
    expect(await panel.locator('[data-testid="follow-up-nrr"] .badge.bad').count()).toBe(target!.proposed.length);
    await panel.locator('input[name="follow-up-actions-0-title"]').fill('Pantau waktu penyelesaian harian');
    await panel.locator('input[name="follow-up-actions-0-owner"]').fill('Kepala Puskesmas');
    await panel.locator('input[name="follow-up-actions-0-due"]').fill(day(30));
    await panel.getByRole('button', { name: 'Buat rencana tindak lanjut' }).click();
    await panel.locator('[data-testid="follow-up-action-a1"]').waitFor();
    expect(await panel.locator('[data-testid="follow-up-nrr"] .badge.ok').count()).toBe(target!.proposed.length);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'followup-desktop');

    const stored = (await apiGet(`/v1/ikm/follow-ups?unitId=${target!.unitId}&period=${target!.period}`, token)).body.items[0];
    expect(stored.elements.map((e: any) => e.key).sort()).toEqual([...target!.proposed].sort());
    await context.close();
  });
});

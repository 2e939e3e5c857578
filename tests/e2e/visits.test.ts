// Field supervision in the browser: the demo inspector records a visit on a phone-sized screen with a
// `berat` finding about an officer and an action due yesterday (visit three days ago); the draft
// survives a reload; the send made offline is queued and stored once when back online; the visit is
// listed with its overdue action, and the action shows on the agency page. The action is closed at the
// end, so a rerun starts from the same state. Shots: visits-phone, visits-desktop.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, signIn, tokenFor } from './browser.js';

const TZ = 'Asia/Jakarta'; // Serang
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + offset * 86_400_000));

let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });

describe('field visits (/kunjungan)', () => {
  it('the inspector records a visit on a phone, offline first, and the overdue action reaches the agency page', async () => {
    const marker = `E2E ${Date.now().toString(36)}`;
    const inspector = await tokenFor('serang.inspektur');
    const pegawai = (await apiGet('/v1/me', await tokenFor('serang.pegawai'))).body.officer;
    const agencies = (await apiGet('/v1/agencies', inspector)).body.agencies as { id: string; name: string; units: { id: string; name: string }[] }[];
    const agency = agencies.find((a) => a.id === pegawai.agencyId)!;
    const unit = agency.units.find((u) => u.id === pegawai.unitId) ?? agency.units[0]!;

    const { context, page } = await newPage(browser, { phone: true });
    await signIn(page, 'serang.inspektur');
    await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('kinerja.visitDraft')) localStorage.removeItem(k); });
    await page.goto('/kunjungan');
    // The form's own unit select (the list's filter below it has one by the same name, and is there first
    // while the agencies are loading: picking a unit there left the form without one).
    await page.locator('.visit-form select[name="unitId"]:not([disabled])').selectOption(unit.id);
    await page.locator('input[name="date"]').fill(day(-3));
    for (let i = 1; i <= 9; i++) await page.locator(`[data-testid="aspect-u${i}"] label.segment`).nth(i === 7 ? 2 : 0).click();
    await page.getByRole('button', { name: /Tambah temuan/ }).click();
    await page.locator('textarea[name="finding-0-note"]').fill(`${marker}: meminta biaya di luar tarif`);
    await page.locator('[data-testid="finding-0"] label.sev-berat').click();
    await page.locator('[data-testid="finding-0"] input[type="search"]').fill(pegawai.name.split(' ')[0]);
    await page.locator('[data-testid="finding-0"] .results button', { hasText: pegawai.name }).first().click();
    await page.locator('input[name="finding-0-evidence"]').fill('https://dokumen.serang.go.id/foto-loket.jpg');

    // The form survives a reload.
    await page.reload();
    await expect.poll(() => page.locator('textarea[name="finding-0-note"]').inputValue()).toContain(marker);
    expect(await page.locator('[data-testid="aspect-u7"] input[value="tidak_sesuai"]').isChecked()).toBe(true);
    await expect.poll(() => page.locator('.visit-form select[name="unitId"]:not([disabled])').inputValue(), { timeout: 10_000 }).toBe(unit.id);
    for (let i = 1; i <= 9; i++) expect(await page.locator(`[data-testid="aspect-u${i}"] input:checked`).count(), `u${i} kept`).toBe(1);
    expect(await page.locator('[data-testid="finding-0"]').textContent()).toContain(pegawai.name);

    await page.getByRole('button', { name: /Tambah tindak lanjut/ }).click();
    await page.locator('input[name="action-0-title"]').fill(`${marker} pembinaan petugas loket`);
    await page.locator('input[name="action-0-due"]').fill(day(-1));
    // Every touch target of the form is at least 44 px high.
    const small = await page.locator('.visit-form label.segment, .visit-form button, .visit-form select, .visit-form input:not([type="radio"])').evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height < 44).length);
    expect(small).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await screenshot(page, 'visits-phone');

    // Offline: queued, not lost; back online: sent once.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Simpan kunjungan' }).click();
    await expect.poll(() => page.locator('.visit-form .notice').textContent(), { timeout: 10_000 }).toContain('Belum tersambung');
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => page.locator('.notice').textContent(), { timeout: 15_000 }).toContain('Kunjungan tersimpan');

    const listed = (await apiGet(`/v1/visits?unitId=${unit.id}&limit=50`, inspector)).body.items.filter((v: any) => v.findings.some((f: any) => f.note.startsWith(marker)));
    expect(listed).toHaveLength(1);
    const visit = listed[0];
    expect(visit).toMatchObject({ date: day(-3), openActions: 1, overdueActions: 1 });
    expect(visit.findings[0]).toMatchObject({ severity: 'berat', officerId: pegawai.id });

    await page.locator('select[name="unitId"]').last().selectOption(unit.id);
    const card = page.locator(`[data-testid="visit-${visit.id}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('1 lewat tenggat');
    expect(await card.locator('.action.overdue').count()).toBe(1);
    await context.close();

    // The agency page's "Perhatian" list, as the agency's admin on a desktop.
    const desk = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(desk.page, 'serang.opd');
    await desk.page.goto(`/opd/${agency.id}`);
    await expect.poll(() => desk.page.locator('[data-testid="overdue-actions"]').textContent(), { timeout: 20_000 }).toContain(`${marker} pembinaan petugas loket`);
    await desk.context.close();

    // The inspector's list on a desktop, then the action closed from it (the state a rerun expects).
    const wide = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    await signIn(wide.page, 'serang.inspektur');
    await wide.page.goto(`/kunjungan?unitId=${unit.id}`);
    const row = wide.page.locator(`[data-testid="action-${visit.id}-a1"]`);
    await row.waitFor();
    await screenshot(wide.page, 'visits-desktop');
    await row.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect.poll(() => row.textContent()).toContain('Selesai');
    const after = (await apiGet(`/v1/visits?agencyId=${agency.id}&status=overdue&limit=200`, inspector)).body.items.map((v: any) => v.id);
    expect(after).not.toContain(visit.id);
    await wide.context.close();
  }, 180_000);
});

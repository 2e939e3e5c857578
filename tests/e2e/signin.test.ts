// Sign-in through the local OpenID provider's real redirect flow (no localStorage shortcut): the
// dashboard's provider button, the provider's own NIP + password page, back to the dashboard with
// tokens from the code exchange (PKCE), an API call with the issued token, a forced refresh, sign-out
// that ends the provider session (signing in again asks for the password), and the error screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGet, launch, newPage, screenshot, tokenFor } from './browser.js';

let browser: Browser;
let nip: string, officerId: string, password: string;
beforeAll(async () => {
  browser = await launch();
  const dev = (await apiGet<{ users: { username: string; officerId: string }[]; password: string }>('/v1/dev/users')).body;
  password = dev.password;
  officerId = dev.users.find((u) => u.username === 'serang.pegawai')!.officerId;
  nip = (await apiGet(`/v1/officers/${officerId}`, await tokenFor('serang.admin'))).body.nip;
});
afterAll(async () => { await browser?.close(); });

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const noSideScroll = async (page: Page, width: number) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

async function toProvider(page: Page) {
  await page.goto('/masuk');
  await page.locator('[data-signin="oidc"]').click();
  await page.waitForURL(/\/oidc\/interaction\//);
}

describe('sign-in through the local OpenID provider', () => {
  it('signs in with NIP and password, calls the API, refreshes, and signs out of the provider too', async () => {
    const { context, page } = await newPage(browser, { viewport: { width: 1280, height: 800 } });
    try {
      await page.goto('/masuk');
      await expect.poll(() => page.locator('[data-demo-password]').textContent()).toBe(password);
      await screenshot(page, 'signin-page-desktop');
      await toProvider(page);
      await expect(page.getByLabel(/NIP/)).toBeDefined();
      // A wrong password stays on the provider's page with its error.
      await page.getByLabel(/NIP/).fill(nip);
      await page.getByLabel(/Kata sandi/).fill('wrong-password');
      await page.getByRole('button', { name: /Masuk/ }).click();
      await page.locator('[role="alert"]').waitFor();
      await screenshot(page, 'signin-provider-error-desktop');
      await page.getByLabel(/Kata sandi/).fill(password);
      await page.getByRole('button', { name: /Masuk/ }).click();
      await page.waitForURL((u) => !u.pathname.startsWith('/masuk') && !u.pathname.startsWith('/oidc'), { timeout: 20_000 });

      const token = (await stored(page, 'kinerja.token'))!;
      expect(await stored(page, 'kinerja.refresh')).toBeTruthy();
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
      expect(claims).toMatchObject({ iss: expect.stringMatching(/\/oidc$/), officer_id: officerId, tenant: 'serang' });
      const me = await apiGet('/v1/me', token);
      expect(me.status).toBe(200);
      expect(me.body.officer.id).toBe(officerId);

      // Force a refresh: the access token is made to look expired; the next page load refreshes first.
      await page.evaluate(() => localStorage.setItem('kinerja.expires', '0'));
      await page.reload();
      await expect.poll(() => stored(page, 'kinerja.token'), { timeout: 10_000 }).not.toBe(token);
      const refreshed = (await stored(page, 'kinerja.token'))!;
      expect((await apiGet('/v1/me', refreshed)).status).toBe(200);
      await page.locator('header button.out').waitFor();

      // Sign out: the provider's session ends with it, so the next sign-in asks for the password again.
      await page.locator('header button.out').click();
      await page.waitForURL(/\/masuk$/, { timeout: 15_000 });
      expect(await stored(page, 'kinerja.token')).toBeNull();
      await page.locator('[data-signin="oidc"]').click();
      await page.waitForURL(/\/oidc\/interaction\//);
      await expect.poll(() => page.getByLabel(/Kata sandi/).count()).toBe(1);
    } finally { await context.close(); }
  });

  it('shows a clear error screen when the provider refuses or the state does not match', async () => {
    for (const [name, opts] of [['desktop', { viewport: { width: 1280, height: 800 } }], ['phone', { phone: true }]] as const) {
      const { context, page } = await newPage(browser, opts);
      try {
        // Cancelled at the provider: it answers error=access_denied with the right state.
        await toProvider(page);
        await noSideScroll(page, name === 'phone' ? 390 : 1280);
        await screenshot(page, `signin-provider-${name}`);
        await page.getByRole('link', { name: /Batal/ }).click();
        await page.locator('[data-signin-error="provider"]').waitFor({ timeout: 15_000 });
        expect(await page.locator('[data-signin-error]').textContent()).toContain('access_denied');
        await screenshot(page, `signin-error-provider-${name}`);
        // A code that no sign-in of this tab started: state mismatch.
        await page.goto('/masuk?code=forged&state=forged');
        await page.locator('[data-signin-error="state"]').waitFor();
        expect(await stored(page, 'kinerja.token')).toBeNull();
        await noSideScroll(page, name === 'phone' ? 390 : 1280);
        await screenshot(page, `signin-error-state-${name}`);
      } finally { await context.close(); }
    }
  });
});

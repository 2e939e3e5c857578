// Shared browser helpers for the e2e tests: Debian Chromium via playwright-core, demo sign-in, screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');
// SCREENSHOT_DIR sends a review's shots outside the checkout (e.g. /tmp).
const SHOTS = process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '..', '..', 'test-output', 'screenshots');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function newPage(browser: Browser, opts: { phone?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(opts.phone
    ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, baseURL: baseUrl() }
    : { viewport: opts.viewport ?? { width: 1440, height: 900 }, baseURL: baseUrl() });
  return { context, page: await context.newPage() };
}

/** Local demo sign-in through the real sign-in page. */
export async function signIn(page: Page, username: string) {
  await page.goto('/masuk');
  await page.locator(`button[data-username="${username}"]`).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header belongs at the top of a full-page shot
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** A token for API-level checks and setup, as the sign-in page would get it. */
export async function tokenFor(username: string): Promise<string> {
  const res = await fetch(`${baseUrl()}/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) });
  if (!res.ok) throw new Error(`dev token for ${username}: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

export async function apiGet<T = any>(path: string, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl()}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

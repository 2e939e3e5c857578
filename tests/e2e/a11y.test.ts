// Every screen in web/src/routes.ts, loaded with demo data at desktop and phone size, passes an axe-core
// audit with no critical, serious or moderate violation. The list comes from ROUTES, so a screen added later is
// audited without touching this file; its :params are filled from the demo data through the API.
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../web/src/routes.js';
import { apiGet, baseUrl, launch, screenshot, signIn, tokenFor } from './browser.js';

const axeSource: string = createRequire(import.meta.url)('axe-core').source;

// Each screen loads once at desktop size and is audited again after shrinking the window to a phone's width:
// the layout follows width media queries, and one load instead of two keeps the audit quick.
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
/** The narrowest phone in common use (many Android phones): nothing may stick out sideways at this width. */
const NARROW = { width: 360, height: 740 } as const;
type Viewport = keyof typeof VIEWPORTS;

/** Who looks at a screen: the first matching pattern wins; any other signed-in screen is BKPSDM's (sees most). */
const VIEWER: [RegExp, string][] = [
  [/^\/nasional/, 'nasional'],
  [/^\/kota/, 'serang.pimpinan'],
  [/^\/opd\//, 'serang.opd'],
  [/^\/review/, 'serang.atasan'],
  [/^\/(laporan|pegawai\/)/, 'serang.pegawai'],
];
const viewerOf = (pattern: string) => VIEWER.find(([re]) => re.test(pattern))?.[1] ?? 'serang.admin';

let browser: Browser;
const contexts = new Map<string, Promise<BrowserContext>>();
/** Moderate and minor findings do not fail the audit; they are listed once at the end, rule → screens. */
const lesser = new Map<string, Set<string>>();
/** Values for a route's :params, per viewer (an officer id is the signed-in user's own). */
const params = new Map<string, Record<string, string>>();

beforeAll(async () => {
  browser = await launch();
  const admin = await tokenFor('serang.admin');
  const agencies = (await apiGet('/v1/agencies', admin)).body.agencies as { id: string; units: { id: string }[] }[];
  const unit = agencies.flatMap((a) => a.units)[0]!;
  // A complaint filed now gives the tracking page a real code to show.
  const filed = await fetch(`${baseUrl()}/v1/public/complaints`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'serang', unitId: unit.id, category: 'pelayanan', description: 'Antrean panjang dan petugas loket tidak ada pada jam layanan.' }),
  });
  expect(filed.status, 'filing a complaint for the tracking page').toBe(201);
  const { code } = (await filed.json()) as { code: string };
  const common = { tenant: 'serang', unitId: unit.id, code, year: String(new Date().getFullYear()), agencyId: agencies[0]!.id };
  for (const username of new Set([...ROUTES.map((r) => viewerOf(r.pattern)), 'serang.admin'])) {
    const me = (await apiGet('/v1/me', await tokenFor(username))).body;
    params.set(username, { ...common, ...(me.agencyId ? { agencyId: me.agencyId } : {}), ...(me.officer ? { officerId: me.officer.id } : {}), ...(me.tenant?.id && me.tenant.id !== 'national' ? { tenant: me.tenant.id } : {}) });
  }
});
afterAll(async () => {
  await browser?.close();
  if (lesser.size) console.info(`minor axe findings (not failing):\n${[...lesser].map(([rule, where]) => `  ${rule}: ${[...where].join(', ')}`).join('\n')}`);
});

/** One browser context per viewer and language, signed in once and reused. */
function contextFor(username: string | null, lang: 'id' | 'en' = 'id'): Promise<BrowserContext> {
  const key = `${username ?? 'public'}/${lang}`;
  if (!contexts.has(key)) contexts.set(key, (async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, baseURL: baseUrl(), bypassCSP: true });
    await context.addInitScript((l) => localStorage.setItem('kinerja.lang', l), lang);
    if (username) {
      const page = await context.newPage();
      await signIn(page, username);
      await page.close();
    }
    return context;
  })());
  return contexts.get(key)!;
}

/** At most `n` screens load at once: the tests run concurrently, but two cores also run the API. */
function limit(n: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(job: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((r) => queue.push(r));
    running++;
    try { return await job(); } finally { running--; queue.shift()?.(); }
  };
}
const slot = limit(3);

function pathOf(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)\??/g, (_m, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`no demo value for :${name} in ${pattern}; add one to the a11y test`);
    return encodeURIComponent(v);
  });
}

/** Until the screen shows content: no boot bar, skeleton, busy region or "loading" text, and the network quiet. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => {});
  await page.waitForFunction(() => document.querySelector('main, .public')
    && !document.querySelector('.boot, .skeleton, [aria-busy="true"]')
    && !/(Memuat…|Loading…)/.test(document.body.innerText), undefined, { timeout: 20_000 });
  // Two frames: what the page does after a layout change (a resized viewport: ResizeObserver callbacks such as
  // a scroll region's tabindex) is delivered in a frame's rendering steps, which a loaded machine can delay.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(null)))));
  await page.waitForTimeout(250); // the last transition
}

interface Finding { id: string; impact: string; help: string; targets: string[] }
async function audit(page: Page, where: string): Promise<Finding[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
  // Moderate too: two regions named alike (landmark-unique) leave a screen-reader user guessing which is which.
  const serious = (v: Finding) => v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate';
  for (const v of (violations as Finding[]).filter((x) => !serious(x))) lesser.set(`${v.id} (${v.impact})`, (lesser.get(`${v.id} (${v.impact})`) ?? new Set()).add(where));
  return (violations as Finding[]).filter(serious);
}
const describeFindings = (list: Finding[]) => list.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.targets.slice(0, 8).join('\n    ')}${v.targets.length > 8 ? `\n    … ${v.targets.length - 8} more` : ''}`);

const auditScreen = (pattern: string, username: string | null, lang: 'id' | 'en' = 'id') => slot(async () => {
  const path = pathOf(pattern, params.get(username ?? 'serang.admin')!);
  const page = await (await contextFor(username, lang)).newPage();
  try {
    await page.goto(path);
    const found: Record<string, string[]> = {};
    for (const vp of Object.keys(VIEWPORTS) as Viewport[]) {
      await page.setViewportSize(VIEWPORTS[vp]);
      await settled(page);
      expect(new URL(page.url()).pathname, `${path} stayed on its screen`).toBe(path);
      expect(await page.locator('text=/^(Halaman tidak ditemukan|Page not found)$/').count(), `${path} exists`).toBe(0);
      const serious = await audit(page, pattern);
      if (serious.length) found[vp] = describeFindings(serious);
      // Shots only when asked for (SCREENSHOT_DIR) or when the screen fails: they cost seconds on a loaded machine.
      if (process.env.SCREENSHOT_DIR || serious.length) await screenshot(page, `a11y-${pattern.replace(/[/:?]+/g, '_').replace(/^_|_$/g, '')}-${vp}-${lang}`);
    }
    expect(found, `serious/critical axe violations on ${path} (${lang}, ${username ?? 'signed out'})`).toEqual({});
    // A page wider than the phone scrolls sideways and hides its right edge (a sign-out button, a card's end).
    await page.setViewportSize(NARROW);
    await settled(page);
    const outside = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrolls = (e: Element) => e !== document.body && e !== document.documentElement && /(auto|scroll|hidden|clip)/.test(getComputedStyle(e).overflowX);
      return Array.from(document.querySelectorAll('body *')).filter((e) => {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5) return false;
        for (let up = e.parentElement; up; up = up.parentElement) if (scrolls(up)) return false; // inside its own scroller (a wide table)
        return true;
      }).slice(0, 5).map((e) => `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}"> right edge ${Math.round(e.getBoundingClientRect().right)} px: ${(e.textContent ?? '').trim().slice(0, 50)}`);
    });
    expect(outside, `${path} at ${NARROW.width} px wide (${lang}, ${username ?? 'signed out'}): elements past the right edge`).toEqual([]);
  } finally { await page.close(); }
});

describe.concurrent('accessibility audit (axe-core): no critical, serious or moderate violation', () => {
  for (const route of ROUTES) {
    const username = route.public ? null : viewerOf(route.pattern);
    it(`${route.pattern} at desktop and phone (${username ?? 'signed out'})`, () => auditScreen(route.pattern, username));
    if (route.public && route.pattern !== '/masuk') it(`${route.pattern} at desktop and phone in English`, () => auditScreen(route.pattern, null, 'en'));
  }
});

describe('public pages switch language', () => {
  it('turns the survey page to English with the ID/EN switch and remembers it', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, baseURL: baseUrl() });
    const page = await context.newPage();
    const { unitId } = params.get('serang.admin')!;
    await page.goto(`/survei/serang/${unitId}`);
    await page.waitForSelector('fieldset[data-element="u9"]');
    expect(await page.textContent('header')).toContain('Survei Kepuasan Masyarakat');
    await page.click('[role="group"] button:has-text("EN")');
    await page.waitForSelector('[role="group"] button[aria-pressed="true"]:has-text("EN")'); // once the English texts (their own chunk) are in
    expect(await page.textContent('header')).toContain('Public Satisfaction Survey');
    expect(await page.textContent('button.submit')).toContain('Send rating');
    expect(await page.textContent('summary')).toContain('About you (optional)');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshot(page, 'a11y-survey-phone-en-switched');
    await page.reload();
    await page.waitForSelector('fieldset[data-element="u9"]');
    expect(await page.textContent('button.submit')).toContain('Send rating');
    await page.click('[role="group"] button:has-text("ID")');
    expect(await page.textContent('button.submit')).toContain('Kirim penilaian');
    await context.close();
  });
});

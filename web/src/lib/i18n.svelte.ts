// Bahasa Indonesia by default, English on request; the choice is remembered in localStorage.
import { dict, type Key } from './dictionary.js';

export type Lang = 'id' | 'en';
const stored = typeof localStorage !== 'undefined' ? localStorage.getItem('kinerja.lang') : null;
export const i18n = $state<{ lang: Lang }>({ lang: stored === 'en' ? 'en' : 'id' });
if (typeof document !== 'undefined') document.documentElement.lang = i18n.lang; // screen readers pick the voice from it

let english: Promise<unknown> | null = null;
/** The English texts (their own chunk): main.ts awaits them before mounting when EN was remembered. */
export function loadEnglish(): Promise<unknown> {
  return (english ??= import('./english.js').catch((e) => { english = null; throw e; }));
}

/** EN switches once its texts are in, so a screen never shows half of each language. */
export async function setLang(lang: Lang) {
  if (lang === 'en') await loadEnglish();
  i18n.lang = lang;
  localStorage.setItem('kinerja.lang', lang);
  document.documentElement.lang = lang;
}

/** Translate a key; `{name}` placeholders are filled from vars. */
export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text: string = dict[i18n.lang][key] ?? dict.id[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ''));
}

// Numbers always use id-ID conventions (1.234,5), as Indonesian reports do, whatever the UI language; dates
// are words too (month names) and follow the UI language, as monthLabel and dateTimeIn do.
const nf: Record<number, Intl.NumberFormat> = {}; // a plain cache of formatters, deliberately not reactive
export function num(n: number | null | undefined, digits = 0): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  nf[digits] ??= new Intl.NumberFormat('id-ID', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return nf[digits].format(n);
}
export const pct = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '–' : `${num(n, digits)}%`);

/** Date formatters by locale and options, made once: building one costs milliseconds on a phone, and a
 * page of dated rows (months of a year, forum dates) would build one per cell. Deliberately not reactive. */
const dtf: Record<string, Intl.DateTimeFormat> = {};
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return (dtf[`${locale}|${JSON.stringify(options)}`] ??= new Intl.DateTimeFormat(locale, options));
}
const uiLocale = () => (i18n.lang === 'en' ? 'en-GB' : 'id-ID');

export function monthLabel(period: string, style: 'short' | 'long' = 'short'): string {
  const [y, m] = period.split('-').map(Number);
  if (!m) return period;
  return dateFormat(uiLocale(), { month: style, year: style === 'short' ? '2-digit' : 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** A period as people say it: a month spelled out ("Oktober 2026"), a quarter or year as it is ("2026-Q3"). */
export const periodLabel = (period: string): string => (/^\d{4}-\d{2}$/.test(period) ? monthLabel(period, 'long') : period);

/** The month's short name alone ("Jan", "Agu"): where the year is the page's. */
export const monthName = (period: string): string => dateFormat(uiLocale(), { month: 'short', timeZone: 'UTC' }).format(Date.parse(`${period}-01T00:00:00Z`));

export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return dateFormat(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric', ...(iso.length > 10 ? { hour: '2-digit', minute: '2-digit' } : { timeZone: 'UTC' }) }).format(d);
}

/** An instant as the tenant's clock shows it, with the zone's name (WIB, WITA…): schedules and deadlines are
 * the city's time, not the browser's. `long` adds the weekday, `date` is the city's calendar day only. An
 * Indonesian zone keeps its Indonesian name in English too (Intl's `en` says "GMT+7"). */
export function dateTimeIn(iso: string | null | undefined, timeZone: string, style: 'long' | 'short' | 'date' = 'long'): string {
  if (!iso) return '–';
  const time = style === 'date' ? {} : { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' } as const;
  const parts = dateFormat(uiLocale(), { ...(style === 'long' ? { weekday: 'short' } : {}), day: 'numeric', month: 'short', year: 'numeric', ...time, timeZone }).formatToParts(Date.parse(iso));
  const zone = INDONESIAN_ZONES[timeZone]?.name;
  return parts.map((p) => (p.type === 'timeZoneName' && zone ? zone : p.value)).join('');
}

/** Indonesia's zones keep one offset all year. */
const INDONESIAN_ZONES: Record<string, { hours: number; name: string }> = {
  'Asia/Jakarta': { hours: 7, name: 'WIB' }, 'Asia/Pontianak': { hours: 7, name: 'WIB' },
  'Asia/Makassar': { hours: 8, name: 'WITA' }, 'Asia/Jayapura': { hours: 9, name: 'WIT' },
};

/** dateTimeIn's short form ("2 Des 2026, 16.07 WIB") for a public page: an Indonesian city's time is UTC plus its
 *  hours, shown by a UTC formatter, because the first zone-aware format in a fresh browser loads its time-zone
 *  data on the main thread (Lighthouse's transparency runs: total blocking time 125–278 ms with dateTimeIn, 55–59 without). */
export function cityTime(iso: string | null | undefined, timeZone: string): string {
  const zone = INDONESIAN_ZONES[timeZone];
  if (!iso || !zone) return dateTimeIn(iso, timeZone, 'short');
  const shifted = Date.parse(iso) + zone.hours * 3_600_000;
  return `${dateFormat(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(shifted)} ${zone.name}`;
}

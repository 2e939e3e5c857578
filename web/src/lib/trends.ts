// Reads /v1/trends and normalises it, tolerant of small shape differences between scopes.
import { api, ApiError } from './api.js';
import { addMonths, monthOf } from './domain.js';
import { PREDIKATS, type Predikat } from './palette.js';

export interface TrendPoint {
  period: string;
  avgCapaian: number | null;
  predikat: Record<Predikat, number>;
  reportCompliance: number | null; // percent 0–100
  ikm: number | null;
  respondents: number;
  trainingJp: number | null;
  flags: Record<string, number>;
  /** Officers evaluated by that month's evaluation run (0: not evaluated yet). */
  evaluated: number;
  officers?: number;
}
export interface NamedSeries { id: string; name: string; series: TrendPoint[] }

const n = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : null);

export function normalisePoint(raw: any): TrendPoint {
  const predikat = Object.fromEntries(PREDIKATS.map((p) => [p, n(raw?.predikat?.[p]) ?? n(raw?.[`predikat_${p}`]) ?? 0])) as Record<Predikat, number>;
  let compliance = n(raw?.reportCompliance);
  if (compliance !== null && compliance <= 1) compliance = compliance * 100; // a ratio, shown as percent
  const ikmRaw = raw?.ikm;
  const ikm = typeof ikmRaw === 'object' && ikmRaw !== null ? n(ikmRaw.ikm) : n(ikmRaw);
  const flags: Record<string, number> = { ...(raw?.flags ?? {}) };
  for (const [k, v] of Object.entries(raw ?? {})) if (k.startsWith('flag_') && typeof v === 'number') flags[k.slice(5)] = v;
  return {
    period: String(raw?.period ?? ''),
    avgCapaian: n(raw?.avgCapaian),
    predikat,
    reportCompliance: compliance,
    ikm,
    respondents: n(raw?.respondents) ?? n(ikmRaw?.respondents) ?? 0,
    trainingJp: n(raw?.trainingJp),
    flags,
    evaluated: n(raw?.evaluated) ?? 0,
    officers: n(raw?.officers) ?? undefined,
  };
}

export const currentMonth = (timeZone: string) => monthOf(new Date(), timeZone);

/** The last `months` ENDED months: the running month is incomplete (reports arrive after it ends). */
export function monthRange(timeZone: string, months: number, includeCurrent = false): { from: string; to: string } {
  const to = addMonths(currentMonth(timeZone), includeCurrent ? 0 : -1);
  return { from: addMonths(to, -(months - 1)), to };
}

/** Months a dashboard shows on first open (RangeSwitch default). */
export const DEFAULT_MONTHS = 12;

export const trendUrl = (scope: string, id: string, from: string, to: string, tenant?: string) =>
  `/v1/trends?${new URLSearchParams({ scope, id, from, to, ...(tenant ? { tenant } : {}) })}`;

export async function trend(scope: string, id: string, from: string, to: string, tenant?: string): Promise<TrendPoint[]> {
  const body = await api<any>(trendUrl(scope, id, from, to, tenant));
  const series = Array.isArray(body) ? body : body?.series ?? [];
  return (series as any[]).filter((p) => p && p.period).map(normalisePoint).sort((a, b) => a.period.localeCompare(b.period));
}

/** Per-agency (or per-tenant) series: one grouped call when the API offers it, else one call each.
 * `members` (names, fallback ids) may still be loading: the grouped call does not wait for it. */
export async function groupedTrends(scope: 'agencies' | 'national', id: string, membersP: { id: string; name: string }[] | Promise<{ id: string; name: string }[]>, from: string, to: string, memberScope: 'agency' | 'tenant'): Promise<NamedSeries[]> {
  const bodyP = api<any>(trendUrl(scope, id, from, to));
  bodyP.catch(() => {});
  const members = await membersP;
  try {
    const body = await bodyP;
    const groups: any[] | null = body?.groups ?? body?.agencies ?? body?.tenants ?? (Array.isArray(body?.series) && body.series[0]?.series ? body.series : null);
    if (Array.isArray(groups)) {
      return groups.map((g) => {
        const gid = String(g.id ?? g.agencyId ?? g.tenant ?? g.tenantId);
        return { id: gid, name: g.name ?? members.find((m) => m.id === gid)?.name ?? gid, series: (g.series ?? []).map(normalisePoint) };
      });
    }
    // A flat series tagged by agency/tenant id.
    if (Array.isArray(body?.series) && body.series.some((p: any) => p.agencyId || p.tenant)) {
      const by = new Map<string, TrendPoint[]>();
      for (const p of body.series) { const k = p.agencyId ?? p.tenant; by.set(k, [...(by.get(k) ?? []), normalisePoint(p)]); }
      return [...by].map(([k, s]) => ({ id: k, name: members.find((m) => m.id === k)?.name ?? k, series: s }));
    }
  } catch (e) {
    if (!(e instanceof ApiError) || e.status >= 500 && !e.notImplemented) throw e;
  }
  const out = await Promise.all(members.map(async (m) => ({ ...m, series: await trend(memberScope, m.id, from, to, memberScope === 'tenant' ? m.id : undefined).catch(() => []) })));
  return out;
}

export const latest = (s: TrendPoint[], pick: (p: TrendPoint) => number | null = (p) => p.avgCapaian) => [...s].reverse().find((p) => pick(p) !== null) ?? null;
export const predikatTotal = (p: TrendPoint) => PREDIKATS.reduce((a, k) => a + p.predikat[k], 0);
export const baikShare = (p: TrendPoint) => { const tot = predikatTotal(p); return tot ? ((p.predikat.SANGAT_BAIK + p.predikat.BAIK) / tot) * 100 : null; };

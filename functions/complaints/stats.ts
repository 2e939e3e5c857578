// Complaint statistics (DESIGN §2: by status and cause, on-time shares, per unit and officer, per
// month and year) kept as counters: a complaint's contribution in its current state, and a change
// adds (after − before) to its city's and agency's counters of the filing year in the same
// transaction as the change. A read is one GetItem.
import { dayOf } from '../domain/periods.js';
import { complaintTimeliness } from '../domain/workdays.js';
import type { Complaint } from './repository.js';

export interface StatsContext { timeZone: string; holidays: readonly string[]; answerDays: number }

/** The filing year and month of a complaint in the city's zone. */
export const filingMonth = (c: Pick<Complaint, 'createdAt'>, timeZone: string) => dayOf(new Date(c.createdAt), timeZone).slice(0, 7);

/** What one complaint adds to the counters in its current state (flat attribute names). */
export function contribution(c: Complaint, ctx: StatsContext): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string) => { out[k] = (out[k] ?? 0) + 1; };
  const tl = complaintTimeliness(c, new Date(0), ctx.timeZone, ctx.holidays, ctx.answerDays); // on-time answers do not depend on now
  const scopes = ['', `unit#${c.unitId}#`, ...(c.officerId ? [`officer#${c.officerId}#`] : [])];
  for (const s of scopes) {
    add(`${s}total`);
    add(`${s}status#${c.status}`);
    if (c.cause) add(`${s}cause#${c.cause}`);
    if (c.substantiated) add(`${s}substantiated`);
    if (tl.verifyOnTime !== null) add(`${s}verify#${tl.verifyOnTime ? 'onTime' : 'late'}`);
    if (tl.answerOnTime !== null) add(`${s}answer#${tl.answerOnTime ? 'onTime' : 'late'}`);
  }
  add(`month#${filingMonth(c, ctx.timeZone)}`);
  return out;
}

/** after − before, without zeros. */
export function delta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

type Counters = Record<string, number>;
const pick = (c: Counters, prefix: string) =>
  Object.fromEntries(Object.entries(c).filter(([k, v]) => k.startsWith(prefix) && v !== 0).map(([k, v]) => [k.slice(prefix.length), v]));
const share = (onTime: number, late: number) => (onTime + late ? Math.round((onTime / (onTime + late)) * 10_000) / 10_000 : null);

/** One scope's counters (the city, a unit or an officer) as the stats route answers them. */
export function summarise(c: Counters, scope = '') {
  const s = pick(c, scope);
  const n = (k: string) => s[k] ?? 0;
  return {
    total: n('total'),
    byStatus: pick(s, 'status#'),
    byCause: pick(s, 'cause#'),
    substantiated: n('substantiated'),
    verification: { onTime: n('verify#onTime'), late: n('verify#late'), onTimeShare: share(n('verify#onTime'), n('verify#late')) },
    answer: { onTime: n('answer#onTime'), late: n('answer#late'), onTimeShare: share(n('answer#onTime'), n('answer#late')) },
  };
}

/** The ids that have counters under `kind#` (units, officers). */
export const idsOf = (c: Counters, kind: 'unit' | 'officer') =>
  [...new Set(Object.keys(c).filter((k) => k.startsWith(`${kind}#`)).map((k) => k.split('#')[1]!))];

export const byMonth = (c: Counters) => pick(c, 'month#');

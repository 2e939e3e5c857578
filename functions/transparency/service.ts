// The transparency page of a city and year (DESIGN §2): IKM with respondents per agency and unit,
// complaints received / verified / answered on time / by cause, forums and SKM follow-ups with their
// actions, and the number of awards. Aggregates only: no NIP, no names, no ids of people, no free
// text of citizens; built from pre-aggregated items, one read per section.
import { findTenant } from '../config/tenants.js';
import { getTenantOrg, type Unit } from '../data/org-repository.js';
import { addIkmSums, emptyIkmSums, ikmFromSums, IKM_GRADE_LABELS, type IkmSums } from '../domain/ikm.js';
import { monthOf } from '../domain/periods.js';
import { summarise } from '../complaints/stats.js';
import { NotFound } from '../domain/errors.js';
import { clientHash, enforceRateLimit, RATE_RULES } from '../http/rate-limit.js';
import { sumsFromRollup } from '../surveys/aggregate.js';
import { unitRollupsOfTenant } from '../surveys/ikm-repository.js';
import { sampleCheck } from '../surveys/service.js';
import { awardCount, complaintCountersOfYear, followUpsOfYear, forumsOfYear } from './repository.js';

function ikmOf(sums: IkmSums) {
  const r = ikmFromSums(sums);
  return { respondents: sums.respondents, ikm: r?.ikm ?? null, grade: r?.grade ?? null, label: r?.label ?? null, labelEn: r ? IKM_GRADE_LABELS[r.grade].en : null };
}

/** One Query over the year's unit × month rollups; agencies and the city are their units summed. */
async function ikmSection(tenant: string, year: string, units: Unit[], agencies: { id: string; name: string }[]) {
  const rollups = await unitRollupsOfTenant(tenant, year);
  const byUnit = new Map<string, { sums: IkmSums; months: Map<string, IkmSums> }>();
  for (const r of rollups) {
    const u = byUnit.get(String(r.unitId)) ?? { sums: emptyIkmSums(), months: new Map() };
    const s = sumsFromRollup(r);
    u.sums = addIkmSums(u.sums, s);
    u.months.set(String(r.period), addIkmSums(u.months.get(String(r.period)) ?? emptyIkmSums(), s));
    byUnit.set(String(r.unitId), u);
  }
  const sumOf = (list: IkmSums[]) => list.reduce(addIkmSums, emptyIkmSums());
  const unitRow = (u: Unit) => {
    const sums = byUnit.get(u.id)?.sums ?? emptyIkmSums();
    return { unitId: u.id, name: u.name, ...ikmOf(sums), sample: sampleCheck(sums.respondents, u.yearlyServiceUsers, year) };
  };
  const agencyRows = agencies.map((a) => {
    const own = units.filter((u) => u.agencyId === a.id);
    return { agencyId: a.id, name: a.name, ...ikmOf(sumOf(own.map((u) => byUnit.get(u.id)?.sums ?? emptyIkmSums()))), units: own.map(unitRow) };
  }).filter((a) => a.units.length > 0);
  const monthly = (unitId: string) => [...(byUnit.get(unitId)?.months ?? new Map<string, IkmSums>())]
    .sort(([a], [b]) => a.localeCompare(b)).map(([period, s]) => ({ period, ...ikmOf(s) }));
  return { section: { ...ikmOf(sumOf([...byUnit.values()].map((u) => u.sums))), agencies: agencyRows }, monthly };
}

/** received / verified / answered (on time) / rejected / substantiated and by cause, from a scope's counters. */
function complaintFigures(counters: Record<string, number>, scope = '') {
  const s = summarise(counters, scope);
  const status = (k: string) => s.byStatus[k] ?? 0;
  return {
    received: s.total,
    verified: s.total - status('received') - status('rejected'),
    rejected: status('rejected'),
    answered: s.answer.onTime + s.answer.late,
    answeredOnTime: s.answer.onTime,
    answeredOnTimeShare: s.answer.onTimeShare,
    verifiedOnTimeShare: s.verification.onTimeShare,
    substantiated: s.substantiated,
    byCause: s.byCause,
  };
}

async function complaintSection(tenant: string, year: string, units: Unit[], agencies: { id: string; name: string }[]) {
  const { city, agencies: counters } = await complaintCountersOfYear(tenant, year);
  return {
    ...complaintFigures(city),
    // Per agency and unit only (the counters also hold officers: never read here).
    agencies: agencies.filter((a) => counters.has(a.id)).map((a) => {
      const c = counters.get(a.id)!;
      return {
        agencyId: a.id, name: a.name, ...complaintFigures(c),
        units: units.filter((u) => u.agencyId === a.id && (c[`unit#${u.id}#total`] ?? 0) > 0).map((u) => ({ unitId: u.id, name: u.name, ...complaintFigures(c, `unit#${u.id}#`) })),
      };
    }),
  };
}

/** The city's year on one page. Unknown city or a year not yet begun → 404. */
export async function transparency(tenantId: string, year: string | undefined, sourceIp: string, now = new Date()) {
  await enforceRateLimit(RATE_RULES.transparency, clientHash(sourceIp), now);
  const tenant = findTenant(tenantId);
  if (!tenant) throw NotFound('City');
  const thisYear = monthOf(now, tenant.timeZone).slice(0, 4);
  const y = year ?? thisYear;
  if (y > thisYear) throw NotFound('Year');
  const org = await getTenantOrg(tenant.id);
  const agencies = [...org.agencies].sort((a, b) => a.name.localeCompare(b.name, 'id'));
  const unitName = new Map(org.units.map((u) => [u.id, u.name]));
  const agencyName = new Map(org.agencies.map((a) => [a.id, a.name]));
  const [ikm, complaints, forums, followUps, awards] = await Promise.all([
    ikmSection(tenant.id, y, org.units, agencies),
    complaintSection(tenant.id, y, org.units, agencies),
    forumsOfYear(tenant.id, y),
    followUpsOfYear(tenant.id, y),
    awardCount(tenant.id, y),
  ]);
  const names = <T extends { agencyId: string; unitId?: string }>(x: T) => ({
    ...x, agencyName: agencyName.get(x.agencyId) ?? x.agencyId, ...(x.unitId ? { unitName: unitName.get(x.unitId) ?? x.unitId } : {}),
  });
  return {
    tenant: { id: tenant.id, name: tenant.name },
    year: Number(y),
    asOf: now.toISOString(),
    ikm: ikm.section,
    complaints,
    forums: { held: forums.forums, actionsDone: forums.actionsDone, actionsOpen: forums.actionsOpen, items: forums.items.map(names) },
    followUps: {
      count: followUps.followUps, actionsDone: followUps.actionsDone, actionsOpen: followUps.actionsOpen,
      // Each with its unit's IKM month by month: whether the actions moved the score is there to see.
      items: followUps.items.map((f) => ({ ...names(f), ikmByMonth: ikm.monthly(f.unitId) })),
    },
    awards: { count: awards },
  };
}

// Survey intake and IKM reads: the public unit card, the response intake (flood ceiling per address,
// repeat suppression per device, Idempotency-Key, kiosk tokens), and the IKM of a unit, agency or
// tenant for any period.
import { createHash, randomBytes } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import * as keys from '../data/keys.js';
import { loadPolicy } from '../data/policy-repository.js';
import { getAgency, getUnit, listOfficersOfAgency } from '../data/org-repository.js';
import { IKM_ANSWER_WORDING, IKM_ELEMENTS, IKM_GRADE_LABELS, IKM_KEYS, ikmFromSums, krejcieMorganMinimum, type IkmScores, type IkmSums } from '../domain/ikm.js';
import { dayOf, monthOf, parsePeriod } from '../domain/periods.js';
import { Conflict, Invalid, NotFound, Unavailable } from '../domain/errors.js';
import { bodyFingerprint, replayOf } from '../http/idempotency.js';
import { clientHash, enforceRateLimit, RATE_RULES, rateCounterUpdate, rateLimited } from '../http/rate-limit.js';
import type { Principal } from '../http/principal.js';
import { readTenant } from '../http/access.js';
import { agencyIkmSums, tenantIkmSums, unitIkmSums } from './ikm-repository.js';
import { cachedOfficerUnit, cachedUnit } from './intake-cache.js';
import { deviceResponseId, insertSurvey } from './intake-repository.js';
import { isKioskOf, kioskTokenRefused } from './kiosk.js';
import { RESPONDENT_OPTIONS, type SurveyInput } from './schemas.js';

/** What the public survey page shows: names, the nine elements with their standard wording, the respondent lists. */
export async function publicUnit(tenantId: string, unitId: string) {
  const tenant = findTenant(tenantId);
  const unit = tenant && (await getUnit(tenant.id, unitId));
  if (!tenant || !unit) throw NotFound('Unit');
  const [agency, officers] = await Promise.all([getAgency(tenant.id, unit.agencyId), listOfficersOfAgency(tenant.id, unit.agencyId)]);
  return {
    tenant: { id: tenant.id, name: tenant.name },
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    agency: { id: unit.agencyId, name: agency?.name ?? unit.agencyId },
    // Counter staff wear name tags; the citizen may say who served them. Names and positions only.
    officers: officers.filter((o) => o.unitId === unit.id).map((o) => ({ id: o.id, name: o.name, position: o.position })),
    elements: IKM_KEYS.map((key) => ({
      key, code: IKM_ELEMENTS[key].code,
      label: { id: IKM_ELEMENTS[key].id, en: IKM_ELEMENTS[key].en },
      question: IKM_ANSWER_WORDING[key].question,
      answers: [1, 2, 3, 4].map((value) => ({ value, id: IKM_ANSWER_WORDING[key].id[value - 1], en: IKM_ANSWER_WORDING[key].en[value - 1] })),
    })),
    respondentOptions: RESPONDENT_OPTIONS,
  };
}

const field = (name: string, message: string) => Invalid(`Invalid request: ${name}`, [{ field: name, message }]);

/** Repeats are answered 409: the response already counts, which is not a rate problem. */
const alreadySubmitted = () => Conflict(
  'Anda sudah mengisi survei untuk unit layanan ini hari ini. Terima kasih! (You already rated this unit today.)', [], 'ALREADY_SUBMITTED');

const deviceHash = (deviceId: string) => createHash('sha256').update(`device|${deviceId}`).digest('base64url').slice(0, 22);

export interface IntakeContext { sourceIp: string; idempotencyKey?: string; kioskToken?: string }

/**
 * DESIGN §2 Survey intake: many citizens share one address, so the address only meets a flood
 * ceiling (policy, per unit); repeats are suppressed per device, unit and day; a retried send with
 * the same Idempotency-Key is stored once; a kiosk token lifts both limits for its unit.
 * One round trip to the table on the common path: the unit, the officer and the policy come from short
 * in-memory caches, and the response (keyed by device, unit and day) and the ceiling's counter are
 * written in one transaction of two items (intake-repository.ts).
 */
export async function submitSurvey(input: SurveyInput, ctx: IntakeContext, now = new Date()): Promise<{ id: string }> {
  const tenant = findTenant(input.tenant);
  if (!tenant) throw field('tenant', 'Unknown region');
  const [{ surveyAddressLimit }, kiosk] = await Promise.all([
    loadPolicy(tenant.id),
    ctx.kioskToken !== undefined && isKioskOf(tenant.id, input.unitId, ctx.kioskToken, now),
  ]);
  const rule = { ...RATE_RULES.survey, limit: surveyAddressLimit };
  const client = `${clientHash(ctx.sourceIp)}#${tenant.id}#${input.unitId}`;
  // A refused request is counted against the ceiling on its own (a flood of guessed tokens or bad ids is throttled too).
  const refuse = async (error: Error) => { await enforceRateLimit(rule, client, now); return error; };
  if (ctx.kioskToken !== undefined && !kiosk) throw await refuse(kioskTokenRefused());
  const unit = await cachedUnit(tenant.id, input.unitId);
  if (!unit) throw await refuse(field('unitId', 'Unknown service unit'));
  if (input.officerId && (await cachedOfficerUnit(tenant.id, input.officerId))?.unitId !== unit.id) {
    throw await refuse(field('officerId', 'Officer does not serve at this unit'));
  }
  const createdAt = now.toISOString();
  const period = monthOf(now, tenant.timeZone);
  const day = dayOf(now, tenant.timeZone);
  // No device id, no suppression: the address is never taken for the citizen. With one, the response's
  // key is the device's claim on the unit for the day (a second send from it meets the first).
  const device = !kiosk && input.deviceId ? deviceHash(input.deviceId) : undefined;
  const id = device ? deviceResponseId(tenant.id, device, unit.id, day) : `svy_${randomBytes(10).toString('hex')}`;
  const survey = {
    ...keys.surveyResponse(tenant.id, unit.id, period, device ? day : createdAt, id),
    type: 'survey', id, tenant: tenant.id, unitId: unit.id, agencyId: unit.agencyId, period,
    answers: input.answers, officerId: input.officerId, comment: input.comment, respondent: input.respondent, createdAt,
    ...(kiosk ? { viaKiosk: true } : {}),
  };
  const bodyHash = bodyFingerprint(input);
  const outcome = await insertSurvey({
    survey,
    deviceKeyed: !!device,
    idempotency: ctx.idempotencyKey ? { key: ctx.idempotencyKey, bodyHash } : undefined,
    ceiling: kiosk ? undefined : rateCounterUpdate(rule, client, now),
  }, now);
  if (outcome.stored) return { id };
  if (outcome.reason === 'retry' && outcome.first) return replayOf(outcome.first, bodyHash);
  if (outcome.reason === 'repeat') throw alreadySubmitted();
  if (outcome.reason === 'ceiling') throw rateLimited(rule, now);
  // Still in the way of a concurrent send after a few tries, or the key's record expired meanwhile: nothing was written, retry.
  throw Unavailable();
}

export interface IkmQuery { unitId?: string; agencyId?: string; period: string; tenant?: string }

/** Krejcie–Morgan check: the yearly population pro-rated to the period (a month serves yearly/12 users). */
export function sampleCheck(respondents: number, yearlyUsers: number | undefined, period: string) {
  if (!yearlyUsers) return null;
  const kind = parsePeriod(period).kind;
  const population = Math.ceil(yearlyUsers / (kind === 'month' ? 12 : kind === 'quarter' ? 4 : 1));
  const minimum = krejcieMorganMinimum(population);
  return { population, minimum, sufficient: respondents >= minimum };
}

function present(sums: IkmSums) {
  const r = ikmFromSums(sums);
  const zero = Object.fromEntries(IKM_KEYS.map((k) => [k, null])) as Record<keyof IkmScores, null>;
  return {
    respondents: sums.respondents,
    nrr: r ? r.nrr : zero,
    ikm: r?.ikm ?? null,
    grade: r?.grade ?? null,
    label: r?.label ?? null,
    labelEn: r ? IKM_GRADE_LABELS[r.grade].en : null,
  };
}

/** IKM aggregates carry no personal data: any signed-in reader of the tenant (national with ?tenant=). */
export async function readIkm(p: Principal, q: IkmQuery) {
  const tenant = readTenant(p, q.tenant);
  if (q.unitId) {
    const unit = await getUnit(tenant, q.unitId);
    if (!unit) throw NotFound('Unit');
    const sums = await unitIkmSums(tenant, unit.id, q.period);
    return { scope: 'unit', id: unit.id, name: unit.name, agencyId: unit.agencyId, tenant, period: q.period, ...present(sums), sample: sampleCheck(sums.respondents, unit.yearlyServiceUsers, q.period) };
  }
  if (q.agencyId) {
    const agency = await getAgency(tenant, q.agencyId);
    if (!agency) throw NotFound('Agency');
    return { scope: 'agency', id: agency.id, name: agency.name, tenant, period: q.period, ...present(await agencyIkmSums(tenant, agency.id, q.period)), sample: null };
  }
  return { scope: 'tenant', id: tenant, name: findTenant(tenant)?.name ?? tenant, tenant, period: q.period, ...present(await tenantIkmSums(tenant, q.period)), sample: null };
}

// Survey intake and IKM reads: the public unit card, a rate-limited response intake with repeat
// suppression, and the IKM of a unit, agency or tenant for any period.
import { randomBytes } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { findTenant } from '../config/tenants.js';
import { ddb, tableName } from '../data/client.js';
import { keys } from '../data/keys.js';
import { getAgency, getOfficer, getUnit, listOfficersOfAgency } from '../data/org-repository.js';
import { IKM_ANSWER_WORDING, IKM_ELEMENTS, IKM_GRADE_LABELS, IKM_KEYS, ikmFromSums, krejcieMorganMinimum, type IkmScores, type IkmSums } from '../domain/ikm.js';
import { dayOf, monthOf, parsePeriod } from '../domain/periods.js';
import { badRequest, HttpError, notFound } from '../http/errors.js';
import { clientHash, enforceRateLimit, RATE_RULES } from '../http/rate-limit.js';
import { transactionConditionFailed } from '../data/conditions.js';
import type { Principal } from '../http/principal.js';
import { readTenant } from '../http/access.js';
import { agencyIkmSums, tenantIkmSums, unitIkmSums } from './ikm-repository.js';
import { RESPONDENT_OPTIONS, type SurveyInput } from './schemas.js';

/** What the public survey page shows: names, the nine elements with their standard wording, the respondent lists. */
export async function publicUnit(tenantId: string, unitId: string) {
  const tenant = findTenant(tenantId);
  const unit = tenant && (await getUnit(tenant.id, unitId));
  if (!tenant || !unit) throw notFound('Unit');
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

const field = (name: string, message: string) => badRequest(`Invalid request: ${name}`, [{ field: name, message }]);

/** Repeats are answered 409: the response already counts, which is not a rate problem. */
const alreadySubmitted = () => new HttpError(409, 'ALREADY_SUBMITTED',
  'Anda sudah mengisi survei untuk unit layanan ini hari ini. Terima kasih! (You already rated this unit today.)');

export async function submitSurvey(input: SurveyInput, sourceIp: string, now = new Date()): Promise<{ id: string }> {
  const client = clientHash(sourceIp);
  // Count before any read: a flood of bad requests is throttled as well, and costs no reads.
  await enforceRateLimit(RATE_RULES.survey, client, now);
  const tenant = findTenant(input.tenant);
  if (!tenant) throw field('tenant', 'Unknown region');
  const unit = await getUnit(tenant.id, input.unitId);
  if (!unit) throw field('unitId', 'Unknown service unit');
  if (input.officerId) {
    const officer = await getOfficer(tenant.id, input.officerId);
    if (officer?.unitId !== unit.id) throw field('officerId', 'Officer does not serve at this unit');
  }
  const id = `svy_${randomBytes(10).toString('hex')}`;
  const createdAt = now.toISOString();
  const period = monthOf(now, tenant.timeZone);
  const day = dayOf(now, tenant.timeZone);
  const survey = {
    ...keys.surveyResponse(tenant.id, unit.id, period, createdAt, id),
    type: 'survey', id, tenant: tenant.id, unitId: unit.id, agencyId: unit.agencyId, period,
    answers: input.answers, officerId: input.officerId, comment: input.comment, respondent: input.respondent, createdAt,
  };
  const repeat = { ...keys.surveyRepeat(tenant.id, client, unit.id, day), type: 'surveyRepeat', expiresAt: Math.floor(now.getTime() / 1000) + 2 * 86_400 };
  try {
    await ddb().send(new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: tableName(), Item: repeat, ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { TableName: tableName(), Item: survey } },
      ],
    }));
  } catch (error) {
    if (transactionConditionFailed(error, 0)) throw alreadySubmitted();
    throw error;
  }
  return { id };
}

export interface IkmQuery { unitId?: string; agencyId?: string; period: string; tenant?: string }

/** Krejcie–Morgan check: the yearly population pro-rated to the period (a month serves yearly/12 users). */
function sampleCheck(respondents: number, yearlyUsers: number | undefined, period: string) {
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
    if (!unit) throw notFound('Unit');
    const sums = await unitIkmSums(tenant, unit.id, q.period);
    return { scope: 'unit', id: unit.id, name: unit.name, agencyId: unit.agencyId, tenant, period: q.period, ...present(sums), sample: sampleCheck(sums.respondents, unit.yearlyServiceUsers, q.period) };
  }
  if (q.agencyId) {
    const agency = await getAgency(tenant, q.agencyId);
    if (!agency) throw notFound('Agency');
    return { scope: 'agency', id: agency.id, name: agency.name, tenant, period: q.period, ...present(await agencyIkmSums(tenant, agency.id, q.period)), sample: null };
  }
  return { scope: 'tenant', id: tenant, name: findTenant(tenant)?.name ?? tenant, tenant, period: q.period, ...present(await tenantIkmSums(tenant, q.period)), sample: null };
}

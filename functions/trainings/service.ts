// Competency development (PP 17/2020): officers log training hours (JP); the year's total is
// measured against the 20 JP minimum at a pro-rated pace.
import { createHash, randomUUID } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import * as keys from '../data/keys.js';
import { getOfficer } from '../data/org-repository.js';
import { Forbidden, Invalid, NotFound, Unprocessable } from '../domain/errors.js';
import { dayOf, monthOf } from '../domain/periods.js';
import { trainingPace, TRAINING_JP_MIN_PER_YEAR, type TrainingPace } from '../domain/training.js';
import { readableOfficer } from '../http/access.js';
import { encodeCursor, pageLimit, type PageRequest } from '../http/paging.js';
import { hasRole, type Principal } from '../http/principal.js';
import { decodeRangeCursor } from '../http/range-cursor.js';
import { pageTrainings, putTraining, trainingRange, yearJp, type Training } from './repository.js';

export interface TrainingInput { officerId: string; title: string; jp: number; date: string; provider: string; certificateUrl?: string }

export function tenantZone(tenant: string): string {
  const config = findTenant(tenant);
  if (!config) throw NotFound('Tenant');
  return config.timeZone;
}

const keyReused = () => Unprocessable('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request; use a new key for a new training');

/** Logs a training; a retry under the same Idempotency-Key (same caller, same body) returns the first one, counted once. */
export async function logTraining(p: Principal, input: TrainingInput, idempotencyKey?: string, now = new Date()): Promise<Training> {
  const officer = await getOfficer(p.tenant, input.officerId);
  if (!officer) throw NotFound('Officer');
  const mayLog = p.officerId === officer.id || hasRole(p, 'region_admin') || (hasRole(p, 'agency_admin') && p.agencyId === officer.agencyId);
  if (!mayLog) throw Forbidden('Only the officer or an admin of their agency may log training');
  if (input.date > dayOf(now, tenantZone(p.tenant))) {
    throw Invalid('Training date is in the future', [{ field: 'date', message: 'Must be today or earlier in the city\'s time zone' }]);
  }
  const training: Training = {
    id: `trn_${randomUUID().replace(/-/g, '').slice(0, 16)}`,
    tenant: p.tenant,
    officerId: officer.id,
    agencyId: officer.agencyId,
    title: input.title,
    jp: input.jp,
    date: input.date,
    provider: input.provider,
    ...(input.certificateUrl ? { certificateUrl: input.certificateUrl } : {}),
    createdAt: now.toISOString(),
    createdBy: p.sub,
  };
  const bodyHash = createHash('sha256').update(JSON.stringify(input)).digest('base64url');
  const replay = await putTraining(training, idempotencyKey ? { caller: p.sub, key: idempotencyKey, bodyHash } : undefined);
  if (!replay) return training;
  if (replay.bodyHash !== bodyHash) throw keyReused();
  return replay.training;
}

export interface TrainingYear {
  year: number;
  items: Training[];
  nextCursor: string | null;
  /** The same page as `items`: the name this route answered before the list contract, kept for one version. */
  trainings: Training[];
  totalJp: number;
  requiredJp: number;
  pace: TrainingPace & { asOf: string };
}

/** A page of the year's trainings (DESIGN §4 Lists) with the year's total from the officer-year item, not from the page. */
export async function officerTrainings(p: Principal, officerId: string, query: PageRequest & { year?: number }, now = new Date()): Promise<TrainingYear> {
  const officer = await readableOfficer(p, officerId);
  const current = monthOf(now, tenantZone(p.tenant));
  const y = query.year ?? Number(current.slice(0, 4));
  const startKey = decodeRangeCursor(query.cursor, keys.officerPartition(p.tenant, officer.id), trainingRange(y));
  const [page, total] = await Promise.all([
    pageTrainings(p.tenant, officer.id, y, { limit: pageLimit(query), startKey }),
    yearJp(p.tenant, officer.id, y),
  ]);
  // A past year is judged at its end; the current year at this month's pace.
  const asOf = `${y}-12` < current ? `${y}-12` : current.startsWith(String(y)) ? current : `${y}-01`;
  return {
    year: y, items: page.items, nextCursor: encodeCursor(page.lastKey), trainings: page.items,
    totalJp: total, requiredJp: TRAINING_JP_MIN_PER_YEAR, pace: { ...trainingPace(total, asOf), asOf },
  };
}

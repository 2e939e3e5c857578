// Competency development (PP 17/2020): officers log training hours (JP); the year's total is
// measured against the 20 JP minimum at a pro-rated pace.
import { randomUUID } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { getOfficer } from '../data/org-repository.js';
import { dayOf, monthOf } from '../domain/periods.js';
import { trainingPace, TRAINING_JP_MIN_PER_YEAR, type TrainingPace } from '../domain/training.js';
import { readableOfficer } from '../http/access.js';
import { badRequest, forbidden, notFound } from '../http/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { listTrainings, putTraining, totalJp, type Training } from './repository.js';

export interface TrainingInput { officerId: string; title: string; jp: number; date: string; provider: string }

export function tenantZone(tenant: string): string {
  const config = findTenant(tenant);
  if (!config) throw notFound('Tenant');
  return config.timeZone;
}

export async function logTraining(p: Principal, input: TrainingInput, now = new Date()): Promise<Training> {
  const officer = await getOfficer(p.tenant, input.officerId);
  if (!officer) throw notFound('Officer');
  const mayLog = p.officerId === officer.id || hasRole(p, 'region_admin') || (hasRole(p, 'agency_admin') && p.agencyId === officer.agencyId);
  if (!mayLog) throw forbidden('Only the officer or an admin of their agency may log training');
  if (input.date > dayOf(now, tenantZone(p.tenant))) {
    throw badRequest('Training date is in the future', [{ field: 'date', message: 'Must be today or earlier in the city\'s time zone' }]);
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
    createdAt: now.toISOString(),
    createdBy: p.sub,
  };
  await putTraining(training);
  return training;
}

export interface TrainingYear {
  year: number;
  trainings: Training[];
  totalJp: number;
  requiredJp: number;
  pace: TrainingPace & { asOf: string };
}

export async function officerTrainings(p: Principal, officerId: string, year: number | undefined, now = new Date()): Promise<TrainingYear> {
  const officer = await readableOfficer(p, officerId);
  const current = monthOf(now, tenantZone(p.tenant));
  const y = year ?? Number(current.slice(0, 4));
  const trainings = await listTrainings(p.tenant, officer.id, `${y}-01-01`, `${y}-12-31`);
  const total = totalJp(trainings);
  // A past year is judged at its end; the current year at this month's pace.
  const asOf = `${y}-12` < current ? `${y}-12` : current.startsWith(String(y)) ? current : `${y}-01`;
  return { year: y, trainings, totalJp: total, requiredJp: TRAINING_JP_MIN_PER_YEAR, pace: { ...trainingPace(total, asOf), asOf } };
}

// Trainings function: log a training (JP) and read an officer's year against the 20 JP minimum.
import * as z from 'zod';
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { logTraining, officerTrainings } from './service.js';

const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const TrainingBody = z.object({
  officerId: z.string().min(1).max(80),
  title: z.string().trim().min(3).max(200),
  // JP in tenths: a 45-minute session is 1 JP, half sessions are common.
  jp: z.number().positive().max(200).refine((n) => Number.isInteger(Math.round(n * 10)) && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, 'At most one decimal'),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD').refine(isRealDay, 'Not a calendar date'),
  provider: z.string().trim().min(2).max(200),
});

const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

const routes: Routes = {
  'POST /v1/trainings': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await logTraining(principal, parse(TrainingBody, body, 'body')), 201),
  },
  'GET /v1/officers/{id}/trainings': {
    auth: 'user',
    handle: async ({ principal, params, query }) => ok(await officerTrainings(principal, params.id, parse(YearQuery, query, 'query').year)),
  },
};

export const handler = httpApi(routes);

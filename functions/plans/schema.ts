// The SKP a supervisor writes (PermenPANRB 6/2022): RHK with indicators, validated at the edge.
import * as z from 'zod';
import { ASPECTS } from '../domain/types.js';

const id = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only');

const Indicator = z.object({
  id,
  name: z.string().trim().min(1).max(200),
  aspect: z.enum(ASPECTS),
  target: z.number().finite().gt(0, 'Target must be greater than 0'),
  unit: z.string().trim().min(1).max(40),
  source: z.enum(['report', 'ikm']),
});

const Rhk = z.object({
  id,
  kind: z.enum(['utama', 'tambahan']),
  title: z.string().trim().min(1).max(300),
  weight: z.number().finite().gt(0).max(10).optional(),
  indicators: z.array(Indicator).min(1).max(10),
});

export const PlanBody = z
  .object({
    /** The version read (0 or absent for a new plan). */
    version: z.number().int().min(0).optional(),
    rhk: z.array(Rhk).min(1).max(15),
  })
  .superRefine((plan, ctx) => {
    if (!plan.rhk.some((r) => r.kind === 'utama')) ctx.addIssue({ code: 'custom', path: ['rhk'], message: 'At least one utama RHK is required' });
    const rhkIds = new Set<string>();
    const indicatorIds = new Set<string>();
    plan.rhk.forEach((r, i) => {
      if (rhkIds.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rhk', i, 'id'], message: `Duplicate RHK id ${r.id}` });
      rhkIds.add(r.id);
      r.indicators.forEach((ind, j) => {
        if (indicatorIds.has(ind.id)) ctx.addIssue({ code: 'custom', path: ['rhk', i, 'indicators', j, 'id'], message: `Duplicate indicator id ${ind.id}` });
        indicatorIds.add(ind.id);
      });
    });
  });

export type PlanBody = z.infer<typeof PlanBody>;

export const PlanParams = z.object({
  id: z.string().min(1).max(80),
  year: z.coerce.number().int().min(2000).max(2100),
});

// The SKP a supervisor writes (PermenPANRB 6/2022): RHK with indicators, validated at the edge.
import * as z from 'zod/mini';
import { ASPECTS } from '../domain/types.js';

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(40), z.regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only'));
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

const Indicator = z.object({
  id,
  name: text(200),
  aspect: z.enum(ASPECTS),
  target: z.number().check(z.gt(0, 'Target must be greater than 0')),
  unit: text(40),
  source: z.enum(['report', 'ikm']),
});

const Rhk = z.object({
  id,
  kind: z.enum(['utama', 'tambahan']),
  title: text(300),
  weight: z.optional(z.number().check(z.gt(0), z.lte(10))),
  /** The supervisor's RHK this one supports (cascading, Matriks Peran Hasil). */
  parentRhkId: z.optional(id),
  indicators: z.array(Indicator).check(z.minLength(1), z.maxLength(10)),
});

export const PlanBody = z
  .object({
    /** The version read (0 or absent for a new plan). */
    version: z.optional(z.number().check(z.int(), z.gte(0))),
    /** Why an agreed plan changes (required then: the change is a new version). */
    reason: z.optional(text(500)),
    rhk: z.array(Rhk).check(z.minLength(1), z.maxLength(15)),
  })
  .check(
    z.superRefine((plan, ctx) => {
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
    }),
  );

export type PlanBody = z.infer<typeof PlanBody>;

export const PlanParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(80)),
  year: z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)),
});

/** Agreement to the draft the caller saw (`version`, optional: the current one). */
export const AgreementBody = z.strictObject({ version: z.optional(z.number().check(z.int(), z.gte(1))) });
export type AgreementBody = z.infer<typeof AgreementBody>;

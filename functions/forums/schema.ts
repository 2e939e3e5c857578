// Strict input of the forum routes (DESIGN §4 bodies); unknown fields are rejected.
import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';
import { freeText } from '../http/validation.js';
import { actionInput, actionStatus, day, ikmElement } from '../surveys/schemas.js';

const id = z.string().check(z.minLength(1), z.maxLength(80), z.regex(/^[A-Za-z0-9_.-]+$/, 'Invalid id'));
const count = z.number().check(z.int(), z.gte(0), z.lte(100_000));

export const ForumBody = z.strictObject({
  agencyId: id,
  unitId: z.optional(id),
  date: day,
  place: freeText(200, 3),
  participants: z.strictObject({ citizens: count, officers: count }),
  /** The berita acara. */
  minutes: freeText(8000, 10),
  issues: z.array(z.strictObject({ text: freeText(500, 3), element: z.optional(ikmElement) })).check(z.maxLength(30)),
  actions: z.array(actionInput).check(z.maxLength(20)),
});
export type ForumInput = z.infer<typeof ForumBody>;

export const ForumQuery = z.strictObject({
  agencyId: z.optional(id),
  unitId: z.optional(id),
  year: z.optional(z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100))),
  ...pageQuery,
});
export type ForumFilter = z.infer<typeof ForumQuery>;

export const ForumActionBody = z.strictObject(actionStatus);
export const ForumActionParams = z.object({ id, actionId: id });

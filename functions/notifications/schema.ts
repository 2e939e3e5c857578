import * as z from 'zod/mini';
import { pageQuery } from '../http/paging.js';
import { calendarDay } from '../http/validation.js';

export const NotificationsQuery = z.strictObject({ ...pageQuery });

/** Mark read: some ids, or everything unread. */
export const ReadBody = z.union([
  z.strictObject({ ids: z.array(z.string().check(z.minLength(1), z.maxLength(400), z.regex(/^[A-Za-z0-9_-]+$/, 'Not a notification id'))).check(z.minLength(1), z.maxLength(100)) }),
  z.strictObject({ all: z.literal(true) }),
]);

/** `day`: run the pass as of that tenant-local day (today or up to 31 days back), e.g. to catch up a missed run. */
export const PassBody = z.strictObject({ day: z.optional(calendarDay()) });

const agencyId = z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, 'Not an agency id')));
export const TppQuery = z.strictObject({ period: z.string().check(z.regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, 'Use YYYY-MM, YYYY-Qn or YYYY')), agencyId });
export const YearQuery = z.strictObject({ year: z.string().check(z.regex(/^(19|20)\d{2}$/, 'Use YYYY')), agencyId });

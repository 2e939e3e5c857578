// Response shapes more than one feature answers (officers, plan and report parts, actions).
import { OFFICER_STATUSES } from '../domain/officer-status.js';
import { PREDIKATS, RATINGS } from '../domain/types.js';
import { arr, int, nullable, num, obj, oneOf, opt, str } from './registry.js';

export const Officer = obj({
  id: str, nip: str, name: str, position: str, grade: str, agencyId: str,
  unitId: nullable(str), supervisorId: nullable(str), status: oneOf(OFFICER_STATUSES),
});
export const Predikat = oneOf(PREDIKATS);
export const Rating = oneOf(RATINGS);
/** A follow-up, forum or visit action and its status. */
export const Action = obj({ id: str, title: str, status: oneOf(['open', 'done'] as const) });
export const Tenant = obj({ id: str, name: str });
export const Counted = obj({ count: opt(int) });
const n = nullable(num);
export const Nrr = obj({ u1: n, u2: n, u3: n, u4: n, u5: n, u6: n, u7: n, u8: n, u9: n });
export const Ids = arr(str);

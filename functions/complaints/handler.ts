// Complaint function: public filing (rate-limited, Idempotency-Key honoured) and tracking, and the
// admins' paged list and answers.
import { httpApi, ok, type Routes } from '../http/api.js';
import { idempotencyKeyOf } from '../http/idempotency.js';
import { parse } from '../http/validation.js';
import { CodeParams, ComplaintBody, ComplaintListQuery, ComplaintPatch, ComplaintStatsQuery, IdParams } from './schemas.js';
import { adminListComplaints, complaintStats, fileComplaint, patchComplaint, trackComplaint } from './service.js';

const routes: Routes = {
  'POST /v1/public/complaints': {
    auth: 'public',
    maxBodyBytes: 16 * 1024,
    handle: async ({ body, headers, sourceIp }) => {
      const complaint = parse(ComplaintBody, body, 'complaint');
      return ok(await fileComplaint(complaint, sourceIp, idempotencyKeyOf(headers)), 201);
    },
  },
  'GET /v1/public/complaints/{code}': {
    auth: 'public',
    handle: async ({ params, sourceIp }) => {
      // An over-long code is just another unknown code: same 404, no validation detail to probe.
      const code = CodeParams.safeParse(params).data?.code ?? '';
      return ok(await trackComplaint(code, sourceIp));
    },
  },
  'GET /v1/complaints': {
    auth: 'user',
    handle: async ({ principal, query }) => {
      const page = await adminListComplaints(principal, parse(ComplaintListQuery, query, 'query'));
      // `complaints` is the pre-paging name of the list, kept beside `items` for one version (DESIGN §4 Lists).
      return ok({ ...page, complaints: page.items });
    },
  },
  'GET /v1/complaints/stats': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await complaintStats(principal, parse(ComplaintStatsQuery, query, 'query'))),
  },
  'PATCH /v1/complaints/{id}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await patchComplaint(principal, parse(IdParams, params, 'path').id, parse(ComplaintPatch, body, 'complaint'))),
  },
};

export const handler = httpApi(routes);

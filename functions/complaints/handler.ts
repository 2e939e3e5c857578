// Complaint function: public filing and tracking (rate-limited), and the admins' list and answers.
import * as z from 'zod/mini';
import { httpApi, ok, type Routes } from '../http/api.js';
import { parse } from '../http/validation.js';
import { ComplaintBody, ComplaintListQuery, ComplaintPatch } from './schemas.js';
import { adminListComplaints, fileComplaint, patchComplaint, trackComplaint } from './service.js';

const CodeParams = z.object({ code: z.string().check(z.maxLength(40)) });
const IdParams = z.object({ id: z.string().check(z.minLength(1), z.maxLength(80)) });

const routes: Routes = {
  'POST /v1/public/complaints': {
    auth: 'public',
    maxBodyBytes: 16 * 1024,
    handle: async ({ body, sourceIp }) => ok(await fileComplaint(parse(ComplaintBody, body, 'complaint'), sourceIp), 201),
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
    handle: async ({ principal, query }) => ok({ complaints: await adminListComplaints(principal, parse(ComplaintListQuery, query, 'query')) }),
  },
  'PATCH /v1/complaints/{id}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => ok(await patchComplaint(principal, parse(IdParams, params, 'path').id, parse(ComplaintPatch, body, 'complaint'))),
  },
};

export const handler = httpApi(routes);

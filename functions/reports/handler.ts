// Reports function: monthly report submission, reads, the review queue and supervisor reviews.
import { findTenant } from '../config/tenants.js';
import { zonedParts } from '../domain/periods.js';
import { httpApi, ok, type Routes } from '../http/api.js';
import { countMetric } from '../http/metrics.js';
import { parse } from '../http/validation.js';
import { officerReports, readReport, reviewQueue } from './queries.js';
import { reviewReport } from './review.js';
import { IdempotencyKey, IdParams, LateWindowBody, ProgressBody, ProgressParams, QueueQuery, ReportBody, ReportListQuery, ReviewBody } from './schema.js';
import { readProgress, saveProgress } from './progress.js';
import { publicReport, submitReport } from './submit.js';
import { openLateWindow } from './late-windows.js';

const routes: Routes = {
  'POST /v1/reports': {
    auth: 'user',
    handle: async ({ principal, body, headers }) => {
      const report = parse(ReportBody, body, 'report');
      const key = parse(IdempotencyKey, headers['idempotency-key'] || undefined, 'Idempotency-Key');
      const saved = publicReport(await submitReport(principal, report, key));
      countMetric('ReportsSubmitted');
      return ok(saved, 201, { location: `/v1/reports/${saved.id}` });
    },
  },
  'GET /v1/reports': {
    auth: 'user',
    handle: async ({ principal, query }) => ok(await reviewQueue(principal, parse(QueueQuery, query, 'query'))),
  },
  'GET /v1/reports/{id}': {
    auth: 'user',
    handle: async ({ principal, params }) => ok(await readReport(principal, parse(IdParams, params, 'path').id)),
  },
  'GET /v1/officers/{id}/reports': {
    auth: 'user',
    handle: async ({ principal, params, query }) => {
      const { id } = parse(IdParams, params, 'path');
      const q = parse(ReportListQuery, query, 'query');
      const year = q.year ?? zonedParts(new Date(), findTenant(principal.tenant)?.timeZone ?? 'Asia/Jakarta').year;
      return ok(await officerReports(principal, id, year, q));
    },
  },
  'POST /v1/reports/{id}/review': {
    auth: 'user',
    handle: async ({ principal, params, body }) => {
      const { id } = parse(IdParams, params, 'path');
      const review = parse(ReviewBody, body, 'review');
      const reviewed = publicReport(await reviewReport(principal, id, review));
      if (review.decision === 'approve') countMetric('ReportsApproved');
      return ok(reviewed);
    },
  },
  'PUT /v1/officers/{id}/progress/{period}': {
    auth: 'user',
    handle: async ({ principal, params, body }) => {
      const { id, period } = parse(ProgressParams, params, 'path');
      return ok(await saveProgress(principal, id, period, parse(ProgressBody, body, 'progress')));
    },
  },
  'GET /v1/officers/{id}/progress/{period}': {
    auth: 'user',
    handle: async ({ principal, params }) => {
      const { id, period } = parse(ProgressParams, params, 'path');
      return ok(await readProgress(principal, id, period));
    },
  },
  'POST /v1/late-windows': {
    auth: 'user',
    handle: async ({ principal, body }) => ok(await openLateWindow(principal, parse(LateWindowBody, body, 'body')), 201),
  },
};

export const handler = httpApi(routes);

// Supervisor review of a submitted report: approve (with the seven BerAKHLAK values and an optional,
// reasoned Hasil Kerja override) or return with feedback. The update is conditioned on status and
// version, so of two concurrent reviews exactly one wins and the other gets 409. One UpdateItem.
import { getReport, parseReportId, saveReview, type Report, type Review } from '../data/report-repository.js';
import { canManageOfficer, readableOfficer } from '../http/access.js';
import { Conflict, Forbidden, NotFound } from '../domain/errors.js';
import type { Principal } from '../http/principal.js';
import type { ReviewBody } from './schema.js';

export async function reviewReport(p: Principal, id: string, body: ReviewBody, now = new Date()): Promise<Report> {
  const ref = parseReportId(id);
  if (!ref) throw NotFound('Report');
  const officer = await readableOfficer(p, ref.officerId);
  if (p.officerId === officer.id || !(await canManageOfficer(p, officer))) {
    throw Forbidden('Only the officer\'s supervisors or admins may review this report');
  }
  const report = await getReport(p.tenant, ref.officerId, ref.period, true);
  if (!report) throw NotFound('Report');
  if (report.status !== 'submitted') throw Conflict(`The report is already ${report.status}`, [{ field: 'status', message: report.status }]);

  const review: Review = {
    decision: body.decision,
    feedback: body.feedback,
    ...(body.behaviour ? { behaviour: body.behaviour } : {}),
    ...(body.hasilKerjaOverride ? { hasilKerjaOverride: body.hasilKerjaOverride } : {}),
    reviewerId: p.officerId ?? p.sub,
    reviewedAt: now.toISOString(),
  };
  const saved = await saveReview(p.tenant, ref.officerId, ref.period, report.version, review);
  if (!saved) throw Conflict('Someone else reviewed this report first; reload it', [{ field: 'version', message: 'Stale version' }]);
  return saved;
}

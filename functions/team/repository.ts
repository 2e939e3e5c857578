// The per-officer items a team row shows, for one page of officers in BatchGets (never a Query per
// officer): the report of the reporting month, the evaluations of the two latest periods, the JP of the year.
import { batchGet } from '../data/batch.js';
import * as keys from '../data/keys.js';
import type { PaceTarget } from '../domain/progress.js';

export interface RowItems {
  report?: { status: string; period: string };
  evaluations: { period: string; predikat: string | null; objection?: { decision?: { amendedPredikat?: string } }; flags: { code: string }[] }[];
  trainingJp: number;
  /** When the officer last received continuous feedback (ISO time), if ever. */
  lastFeedbackAt?: string;
  /** The running month's progress draft (values and the targets it was saved against). */
  progress?: { updatedAt: string; items: { indicatorId: string; value: number }[]; targets: PaceTarget[] };
}

export async function teamRowItems(tenant: string, officerIds: readonly string[], reportPeriod: string, evalPeriods: readonly string[], year: number, progressPeriod: string): Promise<Map<string, RowItems>> {
  const wanted = officerIds.flatMap((id) => [
    keys.report(tenant, id, reportPeriod),
    ...evalPeriods.map((period) => keys.evaluation(tenant, id, period)),
    keys.trainingYear(tenant, id, year),
    keys.feedbackLast(tenant, id),
    keys.progress(tenant, id, progressPeriod),
  ]);
  const items = await batchGet<Record<string, unknown>>(wanted);
  const rows = new Map<string, RowItems>(officerIds.map((id) => [id, { evaluations: [], trainingJp: 0 }]));
  for (const item of items) {
    const row = rows.get(item.officerId as string);
    if (!row) continue;
    const sk = item.SK as string;
    if (sk.startsWith('REPORT#')) row.report = { status: item.status as string, period: item.period as string };
    else if (sk.startsWith('EVAL#')) row.evaluations.push(item as unknown as RowItems['evaluations'][number]);
    else if (sk.startsWith('PROGRESS#')) row.progress = item as unknown as RowItems['progress'];
    else if (sk.startsWith('TRAININGYEAR#')) row.trainingJp = Math.round(Number(item.jp ?? 0) * 10) / 10;
    else if (sk === 'FEEDBACKLAST') row.lastFeedbackAt = item.lastFeedbackAt as string;
  }
  return rows;
}

// §6 "local API: 200 concurrent submissions and 1,000 concurrent mixed requests (reports, reviews,
// surveys, reads): every 2xx stored, zero lost, zero 5xx", over HTTP against the running local runtime.
// Phase 1: 200 report submissions at once (and as many raw PutItems at the same concurrency on the
// same DynamoDB Local, for the latency ratio). Phase 2: 1,000 requests fired at once — submissions by
// other officers with an open month, their supervisors' reviews of phase 1's reports, public surveys
// from distinct addresses and trend charts read by leaders and admins — then every 2xx write is read
// back with a consistent read. Survey intake latency is measured by the surveys section.
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { setDdb } from '../../functions/data/client.js';
import * as keys from '../../functions/data/keys.js';
import { getOfficer, getTenantOrg, listOfficersOfAgency, type Officer, type Unit } from '../../functions/data/org-repository.js';
import { getPlan } from '../../functions/data/plan-repository.js';
import { SERVICE_ENDED } from '../../functions/domain/officer-status.js';
import { BERAKHLAK } from '../../functions/domain/types.js';
import { monthOf } from '../../functions/domain/periods.js';
import { allTenants } from '../../infra/deployments.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/env.js';
import type { Reply } from './api.js';
import { runtimeClients } from './runtime.js';
import { machine, median, percentile, pool, round } from './stats.js';
import type { BenchContext, Line, SectionResult } from './types.js';

const REPORTS = 200;
/** The 1,000 concurrent requests of phase 2, by kind. Reviews are of phase 1's reports. */
const MIX = { reports: 300, reviews: REPORTS, surveys: 300, charts: 200 } as const;
type Kind = keyof typeof MIX;
const KINDS = Object.keys(MIX) as Kind[];

type Candidate = { tenant: string; month: string; officer: Officer; supervisor: Officer; items: { indicatorId: string; value: number }[] };

/** Officers with a plan, no report for their current month and a supervisor who can sign in. */
async function openOfficers(doc: DynamoDBDocumentClient, count: number): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const t of allTenants()) {
    const month = monthOf(new Date(), t.timeZone);
    for (const a of (await getTenantOrg(t.id)).agencies) {
      const officers = await listOfficersOfAgency(t.id, a.id);
      await pool(officers, 8, async (o) => {
        if (out.length >= count || !o.supervisorId || (o.status ?? 'aktif') !== 'aktif') return;
        const [report, plan, supervisor] = await Promise.all([
          doc.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: keys.report(t.id, o.id, month) })),
          getPlan(t.id, o.id, Number(month.slice(0, 4))),
          getOfficer(t.id, o.supervisorId),
        ]);
        if (report.Item || !plan || !supervisor || SERVICE_ENDED.has(supervisor.status ?? 'aktif') || out.length >= count) return;
        out.push({ tenant: t.id, month, officer: o, supervisor, items: plan.rhk.flatMap((r) => r.indicators).filter((i) => i.source === 'report').map((i) => ({ indicatorId: i.id, value: i.target })) });
      });
      if (out.length >= count) return out;
    }
  }
  return out;
}

const latency = (ms: number[]) => (ms.length ? { p50: round(median(ms), 1), p95: round(percentile(ms, 95), 1), max: round(Math.max(...ms), 1) } : { p50: 0, p95: 0, max: 0 });
const statusesOf = (replies: { status: number }[]) => replies.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
const statusText = (s: Record<number, number>) => Object.entries(s).map(([k, n]) => `${k === '0' ? 'no answer' : k}: ${n}`).join(', ');

async function rawPuts(doc: DynamoDBDocumentClient, template: Record<string, unknown>, count: number, concurrency: number, tag: string): Promise<number[]> {
  return pool(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const t = performance.now();
    await doc.send(new PutCommand({ TableName: LOCAL_TABLE_NAME, Item: { ...template, PK: `BENCH#PUT#${tag}#${i}`, SK: 'X' } }));
    return performance.now() - t;
  });
}

interface DevUser { username: string; tenant: string; roles: string[]; agencyId?: string }

export async function runLoad(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const { doc, api: base, call } = await runtimeClients(ctx);
  const get = async (key: { PK: string; SK: string }) => (await doc.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
  try {
    const candidates = await openOfficers(doc, REPORTS + MIX.reports);
    if (candidates.length < REPORTS + MIX.reports) throw new Error(`only ${candidates.length} officers with an open month and a supervisor; need ${REPORTS + MIX.reports}`);
    const first = candidates.slice(0, REPORTS), second = candidates.slice(REPORTS);
    ctx.log(`load: ${candidates.length} officers with an open month; signing them and their supervisors in…`);
    const tokens = await pool(candidates, 10, (c) => base.token(c.officer.nip));
    const supervisorTokens = await pool(first, 10, (c) => base.token(c.supervisor.nip));
    const viewers = ((await base.call('GET', '/v1/dev/users')).body.users as DevUser[]).filter((u) => u.roles.some((r) => ['leader', 'region_admin', 'agency_admin'].includes(r)));
    const viewerTokens = await pool(viewers, 10, (u) => base.token(u.username));
    await base.call('GET', '/v1/health');
    const runTag = Date.now().toString(36);

    // Phase 1: every submission at once.
    const submissions = await Promise.all(first.map((c, i) =>
      call('POST', '/v1/reports', { token: tokens[i], body: { officerId: c.officer.id, period: c.month, items: c.items }, headers: { 'idempotency-key': `load-${runTag}-${i}` } })));
    const stored = await pool(first, 16, async (c, i) => {
      if (submissions[i]!.status < 200 || submissions[i]!.status >= 300) return null;
      const item = await get(keys.report(c.tenant, c.officer.id, c.month));
      return Boolean(item && item.status === 'submitted' && (item.idempotency as { key?: string } | undefined)?.key === `load-${runTag}-${i}`);
    });
    const reportTemplate = (await get(keys.report(first[0]!.tenant, first[0]!.officer.id, first[0]!.month))) ?? { filler: 'x'.repeat(600) };
    const rawReport = await rawPuts(doc, reportTemplate, first.length, first.length, `r${runTag}`);

    // Phase 2: 1,000 mixed requests, all at once, interleaved by kind.
    const units: (Unit & { tenant: string; timeZone: string })[] = [];
    for (const t of allTenants()) units.push(...(await getTenantOrg(t.id)).units.map((u) => ({ ...u, tenant: t.id, timeZone: t.timeZone })));
    const behaviour = Object.fromEntries(BERAKHLAK.map((v, i) => [v, 1 + (i % 3)]));
    type Job = { kind: Kind; run: () => Promise<Reply>; verify: (r: Reply) => Promise<boolean> };
    const jobs: Record<Kind, Job[]> = {
      reports: second.map((c, i) => ({
        kind: 'reports',
        run: () => call('POST', '/v1/reports', { token: tokens[REPORTS + i], body: { officerId: c.officer.id, period: c.month, items: c.items }, headers: { 'idempotency-key': `load-${runTag}-m${i}` } }),
        verify: async () => {
          const item = await get(keys.report(c.tenant, c.officer.id, c.month));
          return Boolean(item && item.status === 'submitted' && (item.idempotency as { key?: string } | undefined)?.key === `load-${runTag}-m${i}`);
        },
      })),
      // Reviews of phase 1's reports by each officer's supervisor: approve two in three, return the rest.
      reviews: first.map((c, i) => {
        const decision = i % 3 === 2 ? 'return' : 'approve';
        return {
          kind: 'reviews' as const,
          run: () => call('POST', `/v1/reports/${encodeURIComponent(submissions[i]!.body?.id ?? `${c.officer.id}_${c.month}`)}/review`, {
            token: supervisorTokens[i],
            body: decision === 'approve' ? { decision, feedback: 'Baik', behaviour } : { decision, feedback: 'Lengkapi bukti dukung' },
          }),
          verify: async () => {
            const item = await get(keys.report(c.tenant, c.officer.id, c.month));
            const review = item?.review as { decision?: string; reviewerId?: string } | undefined;
            return Boolean(item && item.status === (decision === 'approve' ? 'approved' : 'returned') && review?.decision === decision && review.reviewerId === c.supervisor.id);
          },
        };
      }),
      // Public surveys from distinct citizens (X-Forwarded-For: the runtime trusts it from loopback only).
      surveys: Array.from({ length: MIX.surveys }, (_, i) => {
        const unit = units[i % units.length]!;
        return {
          kind: 'surveys' as const,
          run: () => call('POST', '/v1/public/surveys', {
            body: { tenant: unit.tenant, unitId: unit.id, answers: { u1: 1 + (i % 4), u2: 3, u3: 4, u4: 4, u5: 3, u6: 1 + ((i + 1) % 4), u7: 4, u8: 3, u9: 2 } },
            headers: { 'x-forwarded-for': `10.200.${(i >> 8) & 255}.${i & 255}` },
          }),
          verify: async (r: Reply) => {
            const pk = keys.surveyResponse(unit.tenant, unit.id, monthOf(new Date(), unit.timeZone), '', '').PK;
            const items = await doc.send(new QueryCommand({ TableName: LOCAL_TABLE_NAME, KeyConditionExpression: 'PK = :pk', FilterExpression: 'id = :id', ExpressionAttributeValues: { ':pk': pk, ':id': r.body?.id }, ConsistentRead: true }));
            return (items.Items?.length ?? 0) === 1;
          },
        };
      }),
      // Trend charts of leaders and admins: their city, its agencies side by side, or their agency.
      charts: Array.from({ length: MIX.charts }, (_, i) => {
        const v = i % viewers.length, u = viewers[v]!;
        const query = u.roles.includes('agency_admin') && !u.roles.includes('region_admin') && u.agencyId ? `scope=agency&id=${encodeURIComponent(u.agencyId)}` : i % 2 ? 'scope=agencies' : 'scope=tenant';
        return { kind: 'charts' as const, run: () => call('GET', `/v1/trends?${query}`, { token: viewerTokens[v] }), verify: async () => true };
      }),
    };
    const mixed: Job[] = [];
    for (let i = 0; mixed.length < KINDS.reduce((s, k) => s + jobs[k].length, 0); i++) for (const k of KINDS) if (jobs[k][i]) mixed.push(jobs[k][i]!);
    ctx.log(`load: ${mixed.length} mixed requests at once (${KINDS.map((k) => `${jobs[k].length} ${k}`).join(', ')})`);
    const wall = performance.now();
    const replies = await Promise.all(mixed.map((j) => j.run()));
    const mixedSeconds = (performance.now() - wall) / 1000;
    const verified = await pool(mixed, 16, async (j, i) => (replies[i]!.status >= 200 && replies[i]!.status < 300 ? j.verify(replies[i]!) : null));

    const lines: Line[] = [];
    const p1 = {
      requests: submissions.length, ok: stored.filter((s) => s !== null).length, lost: stored.filter((s) => s === false).length,
      fivexx: submissions.filter((r) => r.status >= 500 || r.status === 0).length, statuses: statusesOf(submissions),
      api: latency(submissions.map((r) => r.ms)), put: latency(rawReport),
    };
    lines.push({
      what: `${REPORTS} POST /v1/reports from distinct officers, all at once`,
      figure: `${p1.ok} × 2xx, all stored: ${p1.lost === 0 ? 'yes' : `NO, ${p1.lost} lost`}; ${p1.fivexx} × 5xx (statuses ${statusText(p1.statuses)})`,
      budget: 'every 2xx stored, zero lost, zero 5xx', pass: p1.ok > 0 && p1.lost === 0 && p1.fivexx === 0,
    });
    lines.push({ what: '  latency, reports', figure: `p50 ${p1.api.p50} ms, p95 ${p1.api.p95} ms (max ${p1.api.max}) vs raw PutItem at ${REPORTS} in flight p50 ${p1.put.p50} ms, p95 ${p1.put.p95} ms = ${round(p1.api.p50 / p1.put.p50, 1)}× / ${round(p1.api.p95 / p1.put.p95, 1)}×`, budget: '—', pass: null });

    const kinds = Object.fromEntries(KINDS.map((k) => {
      const idx = mixed.map((j, i) => (j.kind === k ? i : -1)).filter((i) => i >= 0);
      const rs = idx.map((i) => replies[i]!);
      const checks = idx.map((i) => verified[i]).filter((v): v is boolean => v !== null);
      return [k, { requests: rs.length, ok: checks.length, lost: checks.filter((v) => !v).length, fivexx: rs.filter((r) => r.status >= 500).length, noAnswer: rs.filter((r) => r.status === 0).length, why: [...new Set(rs.filter((r) => r.status === 0 || r.status >= 500).map((r) => (typeof r.body === 'string' ? r.body : r.body?.error?.code ?? '').slice(0, 120)))], statuses: statusesOf(rs), latency: latency(rs.filter((r) => r.status > 0).map((r) => r.ms)) }];
    })) as Record<Kind, { requests: number; ok: number; lost: number; fivexx: number; noAnswer: number; why: string[]; statuses: Record<number, number>; latency: ReturnType<typeof latency> }>;
    const total = KINDS.reduce((s, k) => ({ ok: s.ok + kinds[k].ok, lost: s.lost + kinds[k].lost, fivexx: s.fivexx + kinds[k].fivexx, noAnswer: s.noAnswer + kinds[k].noAnswer }), { ok: 0, lost: 0, fivexx: 0, noAnswer: 0 });
    const writes = KINDS.filter((k) => k !== 'charts');
    const writesOk = writes.reduce((s, k) => s + kinds[k].ok, 0);
    lines.push({
      what: `${mixed.length} concurrent mixed requests (${KINDS.map((k) => `${MIX[k]} ${k}`).join(', ')}), all at once`,
      figure: `${total.ok} × 2xx (${writesOk} writes), all writes stored: ${total.lost === 0 ? 'yes' : `NO, ${total.lost} lost`}; ${total.fivexx} × 5xx, ${total.noAnswer} unanswered; ${round(mixedSeconds, 1)} s wall`,
      budget: 'every 2xx stored, zero lost, zero 5xx', pass: writes.every((k) => kinds[k].ok > 0) && kinds.charts.ok > 0 && total.lost === 0 && total.fivexx === 0 && total.noAnswer === 0,
      note: KINDS.some((k) => kinds[k].ok < kinds[k].requests) ? `not 2xx: ${KINDS.filter((k) => kinds[k].ok < kinds[k].requests).map((k) => `${k} (${statusText(kinds[k].statuses)})`).join('; ')}` : undefined,
    });
    for (const k of KINDS) {
      const v = kinds[k];
      lines.push({ what: `  ${k}`, figure: `${v.ok} of ${v.requests} × 2xx${k === 'charts' ? '' : `, stored: ${v.lost === 0 ? 'yes' : `NO, ${v.lost} lost`}`}; latency p50 ${v.latency.p50} ms, p95 ${v.latency.p95} ms (max ${v.latency.max}); statuses ${statusText(v.statuses)}`, budget: '—', pass: null, note: v.why.length ? `failures: ${v.why.join('; ')}` : undefined });
    }
    return {
      section: 'load',
      title: 'Local API under load',
      method: `Against the local runtime (\`npx tsx infra/local/start.ts\`, stream poller and scheduler running) over HTTP. ${REPORTS + MIX.reports} officers with a plan, a supervisor and no report for their current month are found in its DynamoDB Local and signed in through POST /v1/dev/token with their NIP (their supervisors, and every demo leader, region and agency admin, too). Phase 1: ${REPORTS} of them submit their report at the same moment (Promise.all, each with its own Idempotency-Key); every 2xx is read back (consistent GetItem: status submitted, same key); the baseline is as many raw PutItems of the same item at the same concurrency. Phase 2: ${KINDS.map((k) => `${MIX[k]} ${k}`).join(', ')} fired at once (interleaved): the other ${MIX.reports} officers submit; the supervisors of phase 1's officers review those reports (approve two in three with the seven values, return the rest with feedback); surveys round-robin over every unit of the four cities, each with its own X-Forwarded-For (the per-client limit sees distinct citizens); leaders and admins read GET /v1/trends (tenant, agencies side by side, or their agency). Every 2xx write is then read back with a consistent read (report submitted with its key; reviewed report approved/returned with that decision by that supervisor; survey id in its unit-month partition). A request with no HTTP answer counts as a failure. Latency is client-side wall time per request.`,
      lines,
      machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
      raw: { reports: p1, mixed: { seconds: mixedSeconds, kinds } },
    };
  } finally {
    setDdb(undefined);
  }
}

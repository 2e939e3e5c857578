// §6 "local API: 200 concurrent submissions: every 2xx stored, zero lost, zero 5xx", then 2,000 survey
// submissions, over HTTP against the running local runtime; each phase is followed by the same number
// of raw PutItems at the same concurrency on the same DynamoDB Local, for the latency ratio.
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { setDdb } from '../../functions/data/client.js';
import { queryAll } from '../../functions/data/batch.js';
import { keys } from '../../functions/data/keys.js';
import { getTenantOrg, listOfficersOfAgency, type Officer, type Unit } from '../../functions/data/org-repository.js';
import { getPlan } from '../../functions/data/plan-repository.js';
import { monthOf } from '../../functions/domain/periods.js';
import { allTenants } from '../../infra/deployments.js';
import { localClient } from '../../infra/local/ddb-local.js';
import { LOCAL_TABLE_NAME } from '../../infra/local/env.js';
import { apiClient } from './api.js';
import { machine, median, percentile, pool, round } from './stats.js';
import type { BenchContext, Line, SectionResult } from './types.js';

const REPORTS = 200;
const SURVEYS = 2000;
const SURVEY_CONCURRENCY = 100;

type Candidate = { tenant: string; month: string; officer: Officer; items: { indicatorId: string; value: number }[] };

async function openOfficers(doc: DynamoDBDocumentClient, count: number): Promise<Candidate[]> {
  const out: Candidate[] = [];
  for (const t of allTenants()) {
    const month = monthOf(new Date(), t.timeZone);
    for (const a of (await getTenantOrg(t.id)).agencies) {
      const officers = await listOfficersOfAgency(t.id, a.id);
      await pool(officers, 8, async (o) => {
        if (out.length >= count) return;
        const [report, plan] = await Promise.all([doc.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: keys.report(t.id, o.id, month) })), getPlan(t.id, o.id, Number(month.slice(0, 4)))]);
        if (report.Item || !plan || out.length >= count) return;
        out.push({ tenant: t.id, month, officer: o, items: plan.rhk.flatMap((r) => r.indicators).filter((i) => i.source === 'report').map((i) => ({ indicatorId: i.id, value: i.target })) });
      });
      if (out.length >= count) return out;
    }
  }
  return out;
}

const latency = (ms: number[]) => ({ p50: round(median(ms), 1), p95: round(percentile(ms, 95), 1), max: round(Math.max(...ms), 1) });

async function rawPuts(doc: DynamoDBDocumentClient, template: Record<string, unknown>, count: number, concurrency: number, tag: string): Promise<number[]> {
  return pool(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
    const t = performance.now();
    await doc.send(new PutCommand({ TableName: LOCAL_TABLE_NAME, Item: { ...template, PK: `BENCH#PUT#${tag}#${i}`, SK: 'X' } }));
    return performance.now() - t;
  });
}

export async function runLoad(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const rt = await ctx.runtime();
  process.env.TABLE_NAME = LOCAL_TABLE_NAME;
  const doc = DynamoDBDocumentClient.from(localClient(rt.ddbEndpoint), { marshallOptions: { removeUndefinedValues: true } });
  setDdb(doc); // the repositories below read the runtime's database
  const api = apiClient(rt.base);
  try {
    const candidates = await openOfficers(doc, REPORTS);
    ctx.log(`load: ${candidates.length} officers with an open month; signing in…`);
    const tokens = await pool(candidates, 10, (c) => api.token(c.officer.nip));
    await api.call('GET', '/v1/health');

    // Phase 1: every submission at once.
    const runTag = Date.now().toString(36);
    const submissions = await Promise.all(candidates.map((c, i) =>
      api.call('POST', '/v1/reports', { token: tokens[i], body: { officerId: c.officer.id, period: c.month, items: c.items }, headers: { 'idempotency-key': `load-${runTag}-${i}` } })));
    const stored = await pool(candidates, 16, async (c, i) => {
      if (submissions[i]!.status >= 300) return null;
      const item = (await doc.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: keys.report(c.tenant, c.officer.id, c.month), ConsistentRead: true }))).Item;
      return Boolean(item && item.status === 'submitted' && (item.idempotency as { key?: string } | undefined)?.key === `load-${runTag}-${i}`);
    });
    const reportTemplate = (await doc.send(new GetCommand({ TableName: LOCAL_TABLE_NAME, Key: keys.report(candidates[0]!.tenant, candidates[0]!.officer.id, candidates[0]!.month) }))).Item ?? { filler: 'x'.repeat(600) };
    const rawReport = await rawPuts(doc, reportTemplate, candidates.length, candidates.length, `r${runTag}`);

    // Phase 2: surveys from distinct citizens (X-Forwarded-For: the runtime trusts it from loopback only).
    const units: (Unit & { tenant: string; timeZone: string })[] = [];
    for (const t of allTenants()) units.push(...(await getTenantOrg(t.id)).units.map((u) => ({ ...u, tenant: t.id, timeZone: t.timeZone })));
    const surveyJobs = Array.from({ length: SURVEYS }, (_, i) => ({ i, unit: units[i % units.length]! }));
    const surveys = await pool(surveyJobs, SURVEY_CONCURRENCY, ({ i, unit }) =>
      api.call('POST', '/v1/public/surveys', {
        body: { tenant: unit.tenant, unitId: unit.id, answers: { u1: 1 + (i % 4), u2: 3, u3: 4, u4: 4, u5: 3, u6: 1 + ((i + 1) % 4), u7: 4, u8: 3, u9: 2 } },
        headers: { 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
      }));
    const found = new Set<string>();
    for (const u of new Set(surveyJobs.map((j) => j.unit))) {
      const month = monthOf(new Date(), u.timeZone);
      const items = await queryAll<{ id: string }>({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.surveyResponse(u.tenant, u.id, month, '', '').PK } });
      for (const it of items) found.add(it.id);
    }
    const surveyTemplate = { type: 'survey', answers: { u1: 3, u2: 3, u3: 4, u4: 4, u5: 3, u6: 3, u7: 4, u8: 3, u9: 3 }, tenant: 'serang', unitId: 'x', agencyId: 'y', period: '2025-01', createdAt: new Date().toISOString() };
    const rawSurvey = await rawPuts(doc, surveyTemplate, SURVEYS, SURVEY_CONCURRENCY, `s${runTag}`);

    const phase = (name: string, replies: { status: number; ms: number }[], storedOk: boolean[], raw: number[]) => {
      const ok = replies.filter((r) => r.status >= 200 && r.status < 300).length;
      const fivexx = replies.filter((r) => r.status >= 500).length;
      const lost = storedOk.filter((s) => !s).length;
      const statuses = replies.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});
      const api = latency(replies.map((r) => r.ms)), put = latency(raw);
      return { name, requests: replies.length, ok, fivexx, lost, statuses, api, put, ratioP50: round(api.p50 / put.p50, 1), ratioP95: round(api.p95 / put.p95, 1) };
    };
    const p1 = phase('reports', submissions, stored.filter((s): s is boolean => s !== null), rawReport);
    const surveyStored = surveys.filter((r) => r.status === 201).map((r) => found.has(r.body?.id));
    const p2 = phase('surveys', surveys, surveyStored, rawSurvey);
    const lines: Line[] = [];
    for (const [p, conc] of [[p1, candidates.length], [p2, SURVEY_CONCURRENCY]] as const) {
      lines.push({
        what: `${p.requests} ${p.name === 'reports' ? 'POST /v1/reports from distinct officers, all at once' : `POST /v1/public/surveys from distinct clients, ${conc} in flight`}`,
        figure: `${p.ok} × 2xx, all stored: ${p.lost === 0 ? 'yes' : `NO, ${p.lost} lost`}; ${p.fivexx} × 5xx (statuses ${Object.entries(p.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')})`,
        budget: 'every 2xx stored, zero lost, zero 5xx', pass: p.ok > 0 && p.lost === 0 && p.fivexx === 0,
      });
      lines.push({ what: `  latency, ${p.name}`, figure: `p50 ${p.api.p50} ms, p95 ${p.api.p95} ms (max ${p.api.max}) vs raw PutItem at ${conc} in flight p50 ${p.put.p50} ms, p95 ${p.put.p95} ms = ${p.ratioP50}× / ${p.ratioP95}×`, budget: '—', pass: null });
    }
    return {
      section: 'load',
      title: 'Local API under load',
      method: `Against the local runtime (\`npx tsx infra/local/start.ts\`, stream poller and scheduler running) over HTTP: ${REPORTS} officers with a plan and no report for their current month are found in its DynamoDB Local, signed in through POST /v1/dev/token with their NIP, and submit their report at the same moment (Promise.all, each with its own Idempotency-Key); every 2xx is read back (consistent GetItem: status submitted, same key). Then ${SURVEYS} surveys round-robin over every unit of the four cities, ${SURVEY_CONCURRENCY} in flight, each with its own X-Forwarded-For (infra/local/server.ts clientAddress honours it from loopback, so the per-client rate limit sees ${SURVEYS} citizens); every 201's id is looked up in its unit-month partition. Latency is client-side wall time per request; the baseline is as many raw PutItems of a same-size item at the same concurrency, right after each phase.`,
      lines,
      machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
      raw: { reports: p1, surveys: p2 },
    };
  } finally {
    setDdb(undefined);
  }
}

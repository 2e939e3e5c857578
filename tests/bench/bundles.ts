// §6 "Lambda bundles ≤ 250 KB minified; module init ≤ 40 ms over a bare node start; the PDF function
// alone ≤ 1.2 MB and ≤ 150 ms": builds every function exactly as CDK does (infra/build-functions.ts),
// then times fresh node processes importing each bundle against bare node starts, interleaved so
// machine load falls on all alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { allTenants } from '../../infra/deployments.js';
import { budgetOf, buildFunction, type BundleReport } from '../../infra/build-functions.js';
import { PRE_TOKEN_ENTRY } from '../../infra/constructs/auth.js';
import { ROOT } from '../../infra/local/lambda.js';
import { BACKGROUND_FUNCTIONS, FUNCTIONS } from '../../functions/routes.js';
import { machine, median, round } from './stats.js';
import type { BenchContext, Line, SectionResult } from './types.js';

const RUNS = 20;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Bytes in the bundle per npm package (our own code as "functions"), from esbuild's metafile. */
function byPackage(name: string, dir = join(ROOT, 'dist/functions')): Record<string, number> {
  const meta = JSON.parse(readFileSync(join(dir, name, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const out: Record<string, number> = {};
  for (const o of Object.values(meta.outputs)) {
    for (const [path, v] of Object.entries(o.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const pkg = m ? m[1]! : path.split('/')[0]!;
      out[pkg] = (out[pkg] ?? 0) + v.bytesInOutput;
    }
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

/**
 * Milliseconds for a fresh node to run `code` as an ES module and exit (wall), and the CPU time the
 * process used (user + system, read at its end): on a shared machine the wall time carries the
 * waits for a core, the CPU time much less of them. Throws if the process fails.
 */
function timeNode(code: string, env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const t = performance.now();
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', `${code};const u=process.cpuUsage();process.stdout.write(String(u.user+u.system));`], { env, encoding: 'utf8' });
  const wall = performance.now() - t;
  if (res.status !== 0) throw new Error(`node exited ${res.status}: ${res.stderr.slice(-500)}`);
  return { wall, cpu: Number(res.stdout) / 1000 };
}

export async function runBundles(ctx: BenchContext): Promise<SectionResult> {
  const machineBefore = machine();
  const started = Date.now();
  const all = { ...FUNCTIONS, ...BACKGROUND_FUNCTIONS, preToken: PRE_TOKEN_ENTRY } as Record<string, string>;
  const reports: BundleReport[] = [];
  for (const [name, entry] of Object.entries(all)) reports.push(await buildFunction(name, entry));
  const built = reports.filter((r) => r.status === 'built');
  ctx.log(`bundles: ${built.length} of ${reports.length} built`);
  // Floors, timed like the functions: the SDK's DynamoDB document client alone, and node:https alone.
  const probeDir = mkdtempSync(join(tmpdir(), 'kinerja-bundle-probe-'));
  const probe = await buildFunction('sdk', 'tests/bench/bundle-probe.ts', probeDir);
  // What the functions read at import time in AWS (CDK sets the same variables).
  const env = { PATH: process.env.PATH, TABLE_NAME: 'kinerja-asn', TENANTS: JSON.stringify(allTenants()), AWS_REGION: 'ap-southeast-3', LOG_LEVEL: 'ERROR', EVALUATION_QUEUE_URL: 'https://sqs.ap-southeast-3.amazonaws.com/000000000000/bench', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' };
  const importOf = (file: string) => `await import(${JSON.stringify(pathToFileURL(file).href)})`;
  const targets = [
    { name: 'bare node', code: '' },
    { name: 'node:https', code: "await import('node:https')" },
    ...(probe.status === 'built' ? [{ name: 'sdk', code: importOf(join(probeDir, 'sdk', 'index.mjs')) }] : []),
    ...built.map((r) => ({ name: r.name, code: importOf(join(ROOT, 'dist/functions', r.name, 'index.mjs')) })),
  ];
  const times: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  const cpu: Record<string, number[]> = Object.fromEntries(targets.map((t) => [t.name, []]));
  const errors: Record<string, string> = {};
  for (let i = 0; i < RUNS; i++) {
    for (const t of i % 2 ? [...targets].reverse() : targets) {
      if (errors[t.name]) continue;
      try { const m = timeNode(t.code, env); times[t.name]!.push(m.wall); cpu[t.name]!.push(m.cpu); } catch (e) { errors[t.name] = (e as Error).message; }
    }
  }
  const bare = median(times['bare node']!);
  const bareCpu = median(cpu['bare node']!);
  /** Median wall and CPU milliseconds over the bare start, e.g. "76.8 ms (CPU 52.1 ms)". */
  const overBare = (name: string) => ({ wall: round(median(times[name]!) - bare, 1), cpu: round(median(cpu[name]!) - bareCpu, 1) });
  const lines: Line[] = [{ what: 'bare `node --input-type=module -e \'\'` start', figure: `${bare.toFixed(1)} ms (median of ${RUNS}; CPU ${bareCpu.toFixed(1)} ms)`, budget: '—', pass: null }];
  const https = errors['node:https'] ? null : overBare('node:https');
  const sdk = probe.status === 'built' && !errors.sdk ? { ...overBare('sdk'), bytes: probe.bytes! } : null;
  lines.push({ what: 'floor: `import(\'node:https\')` alone (the SDK\'s HTTP handler loads it)', figure: https ? `init ${https.wall.toFixed(1)} ms (CPU ${https.cpu.toFixed(1)} ms) over bare node` : `failed: ${errors['node:https']}`, budget: '—', pass: null });
  lines.push({ what: 'floor: the DynamoDB document client alone (tests/bench/bundle-probe.ts, no code of ours)', figure: sdk ? `${kb(sdk.bytes)} minified; init ${sdk.wall.toFixed(1)} ms (CPU ${sdk.cpu.toFixed(1)} ms) over bare node` : `failed: ${errors.sdk ?? probe.note}`, budget: '—', pass: null, note: probe.status === 'built' ? `by package: ${Object.entries(byPackage('sdk', probeDir)).slice(0, 5).map(([p, b]) => `${p} ${kb(b)}`).join(', ')}` : undefined });
  const rows = reports.map((r) => {
    const init = r.status === 'built' && !errors[r.name] ? overBare(r.name) : null;
    return { name: r.name, entry: r.entry, status: r.status, bytes: r.bytes ?? null, initMs: init?.wall ?? null, initCpuMs: init?.cpu ?? null, packages: r.status === 'built' ? byPackage(r.name) : {}, largestInputs: r.largestInputs, error: errors[r.name] ?? r.note };
  });
  for (const r of rows) {
    const budget = budgetOf(r.name);
    if (r.status !== 'built') { lines.push({ what: `${r.name} (${r.entry})`, figure: r.status, budget: `≤ ${kb(budget.bytes)}; init ≤ ${budget.initMs} ms`, pass: false, note: r.error }); continue; }
    const sizeOk = r.bytes! <= budget.bytes;
    // Both clocks: at a high load the wall difference over bare node is noise (even negative), the CPU time is not.
    const initOk = r.initMs !== null && r.initMs <= budget.initMs && r.initCpuMs !== null && r.initCpuMs <= budget.initMs;
    lines.push({
      what: `${r.name} (${r.entry})`,
      figure: `${kb(r.bytes!)} minified; init ${r.initMs === null ? 'failed' : `${r.initMs.toFixed(1)} ms (CPU ${r.initCpuMs!.toFixed(1)} ms)`} over bare node`,
      budget: `≤ ${kb(budget.bytes)}; ≤ ${budget.initMs} ms`,
      pass: sizeOk && initOk,
      note: [sizeOk ? '' : `by package: ${Object.entries(r.packages).slice(0, 4).map(([p, b]) => `${p} ${kb(b)}`).join(', ')}`, r.error ?? ''].filter(Boolean).join('; ') || undefined,
    });
  }
  const over = rows.filter((r) => r.bytes !== null && r.bytes > budgetOf(r.name).bytes);
  const slow = rows.filter((r) => r.initMs !== null && Math.max(r.initMs, r.initCpuMs ?? 0) > budgetOf(r.name).initMs);
  const analysis: string[] = [];
  const top = (r: (typeof rows)[number]) => Object.entries(r.packages).slice(0, 4).map(([p, b]) => `${p} ${kb(b)}`).join(', ');
  const sdkNote = sdk ? `the DynamoDB document client alone, with no code of ours, is ${kb(sdk.bytes)} and ${sdk.wall.toFixed(1)} ms (CPU ${sdk.cpu.toFixed(1)} ms) of init in this run` : 'the SDK floor was not measured in this run';
  const httpsNote = https ? `\`node:https\` alone, which the SDK's HTTP handler imports, is ${https.wall.toFixed(1)} ms (CPU ${https.cpu.toFixed(1)} ms)` : '';
  if (over.length) analysis.push(`Over the size budget: ${over.map((r) => `${r.name} ${kb(r.bytes!)} (${top(r)})`).join('; ')}. Per-package bytes come from esbuild's metafile (dist/functions/<name>/meta.json, all in latest.json): ${sdkNote}, so a function has what is left of 250 KB for zod/mini (18–27 KB) and its own code (30–60 KB). Already out: the credential providers Lambda never reaches, @smithy/core/event-streams (≈ 19 KB; no operation of our clients streams), Powertools Metrics (12 KB; countMetric writes its EMF line), Powertools Logger (≈ 22 KB with its commons; functions/http/logger.ts writes the same JSON lines in 1.7 KB), the SQS, SES v2 and Cognito clients (23–60 KB each; functions/data/aws-json.ts signs their four operations with the SDK's own SigV4 signer), every key builder a bundle does not call (6.3 KB; functions/data/keys.ts exports each on its own) and zod's English locale (2.6 KB). What is left over is a function's own routes: the org function carries the organisation, officer import, roles and policy routes, evaluations also feedback, awards and the team view, surveys also the transparency page and forums. What would fix the rest: splitting those functions further (each split saves only its own code, 5–15 KB), or a leaner DynamoDB client (the schema serde, endpoint rules and retry/config machinery of @smithy/core are ≈ 93 KB for the seven commands we use).`);
  if (slow.length) analysis.push(`Over the init budget: ${slow.map((r) => `${r.name} ${r.initMs} ms (CPU ${r.initCpuMs} ms)`).join(', ')}, measured with the machine's load average at ${machineBefore.loadavg[0]} (2 cores shared): a node start itself took ${bare.toFixed(0)} ms. ${sdkNote.charAt(0).toUpperCase()}${sdkNote.slice(1)}${httpsNote ? `; ${httpsNote}` : ''}: every function that talks to DynamoDB starts from that floor, ${sdk && Math.max(sdk.wall, sdk.cpu) > 40 ? 'so 40 ms over bare node is out of reach with the SDK v3 client as it is, whatever our code does' : `which leaves ${(40 - Math.max(sdk?.wall ?? 0, sdk?.cpu ?? 0)).toFixed(1)} ms for a function's own code in this run; the ${slow.length} over it are over by at most ${Math.max(...slow.map((r) => Math.max(r.initMs ?? 0, r.initCpuMs ?? 0) - 40)).toFixed(1)} ms`}. Init is parsing and compiling the bundle (it follows the bytes), evaluating the SDK's schemas and error classes, and loading node's TLS/HTTP/crypto modules. Deferring the SDK import to the first request would only move the cost into the first invocation (every route reads the table), so it is not done. What would fix it: the leaner client above, or a V8 code cache shipped with the bundle (Node 22's module.enableCompileCache; Lambda runs Node 24).`);
  return {
    section: 'bundles',
    title: 'Lambda bundles',
    method: `infra/build-functions.ts buildFunction() for every function (esbuild, minified ESM, SDK included, the settings CDK uses), size of dist/functions/<name>/index.mjs. Init: ${RUNS} rounds, each starting a fresh \`node --input-type=module -e "await import('<bundle>')"\` per bundle and a bare \`node --input-type=module -e ''\`, interleaved (alternating order); figure = median(bundle) − median(bare), wall time (the budget) and, beside it, the CPU time the process used (less sensitive to the machine's load); init passes only when both are within the budget. Floors timed the same way: \`import('node:https')\` alone, and tests/bench/bundle-probe.ts (the DynamoDB document client alone) built like a function.`,
    lines,
    machineBefore, machineAfter: machine(), seconds: (Date.now() - started) / 1000,
    analysis,
    raw: { bareMs: bare, bareCpuMs: bareCpu, https, sdk, rows, times, cpu },
  };
}

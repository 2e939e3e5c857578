// `npm run evaluate -- --tenant serang --period 2025-10`: the same evaluation run the scheduler starts,
// against the running local runtime's DynamoDB Local, with the dispatcher and workers in this process
// and a progress bar drawn from the run record.
import { parseArgs } from 'node:util';
import { findTenant } from '../../functions/config/tenants.js';
import { hasEnded } from '../../functions/domain/periods.js';
import { startRun } from '../../functions/evaluations/dispatcher.js';
import { getRun } from '../../functions/evaluations/runs.js';
import { applyLocalEnv } from './env.js';
import { startLocalQueue } from './queue.js';

const { values } = parseArgs({ options: { tenant: { type: 'string' }, period: { type: 'string' } } });
const fail = (message: string): never => { console.error(message); process.exit(1); };

async function main() {
  if (!values.tenant || !values.period) fail('Usage: npm run evaluate -- --tenant serang --period 2025-10');
  applyLocalEnv({ endpoint: `http://127.0.0.1:${process.env.DDB_PORT ?? 8000}` });
  process.env.LOG_LEVEL = 'ERROR';
  const tenant = findTenant(values.tenant!) ?? fail(`Unknown tenant ${values.tenant}`);
  if (!/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(values.period!)) fail('Period must be YYYY-MM, YYYY-Qn or YYYY');
  if (!hasEnded(values.period!, new Date(), tenant.timeZone)) fail(`${values.period} has not ended yet in ${tenant.timeZone}`);

  const queue = startLocalQueue({ log: (l) => process.stderr.write(`\n${l}\n`) });
  const started = Date.now();
  const run = await startRun(tenant.id, values.period!, { trigger: 'cli', startedBy: 'npm run evaluate' }).catch((e: Error) =>
    fail(`Could not reach DynamoDB Local (is \`npm start\` running?): ${e.message}`));
  console.log(`Run ${run.id}: ${run.officersTotal} officers of ${tenant.name} for ${run.period}`);
  for (;;) {
    const r = (await getRun(tenant.id, run.id))!;
    const total = Math.max(1, r.officersTotal);
    const filled = Math.round(((r.officersDone + r.officersFailed) / total) * 30);
    process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}] ${r.officersDone}/${r.officersTotal} done, ${r.officersFailed} failed  ${((Date.now() - started) / 1000).toFixed(1)} s `);
    if (r.status !== 'running') {
      console.log(`\n${r.status}${r.dlq ? ` (${r.dlq} batches in the dead-letter queue)` : ''}`);
      await queue.stop();
      process.exit(r.status === 'done' ? 0 : 1);
    }
    await new Promise((res) => setTimeout(res, 250));
  }
}

void main();

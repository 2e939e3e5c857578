// The daily pass on demand (POST /v1/notifications/runs): the BKPSDM starts it, it runs in the background
// in the pass function (a large city's pass outlasts API Gateway's 29 s), and GET …/runs/{id} shows its
// progress. One run per tenant at a time (409 while one is queued or running); and since every notice is
// created once (./deliver.ts), a pass that runs twice anyway (the 06:00 schedule, a redelivery) sends nothing twice.
import { randomBytes } from 'node:crypto';
import { findTenant } from '../config/tenants.js';
import { dayOf } from '../domain/periods.js';
import { Conflict, Forbidden, Invalid, NotFound, Unavailable } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { logger } from '../http/logger.js';
import { createRun, endRun, getRun, PassRunning, type NotificationRun } from './run-repository.js';
import { PASS_STEPS } from './pass-steps.js';

const RUN_ID = /^ntr_[0-9a-f]{16}$/;

const requireRegionAdmin = (p: Principal) => {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Only the BKPSDM (region_admin) runs the notification pass');
};

export async function startPass(p: Principal, body: { day?: string }, now = new Date()): Promise<NotificationRun> {
  requireRegionAdmin(p);
  const zone = findTenant(p.tenant)?.timeZone ?? 'Asia/Jakarta';
  const today = dayOf(now, zone);
  if (body.day) {
    const earliest = new Date(Date.parse(`${today}T00:00:00Z`) - 31 * 86_400_000).toISOString().slice(0, 10);
    if (body.day > today || body.day < earliest) throw Invalid('day must be today or one of the last 31 days', [{ field: 'day', message: `Between ${earliest} and ${today}` }]);
  }
  const run: NotificationRun = {
    id: `ntr_${randomBytes(8).toString('hex')}`, tenant: p.tenant, day: body.day ?? today, status: 'queued',
    step: null, stepsDone: 0, stepsTotal: PASS_STEPS.length, created: {}, total: 0, sent: null,
    startedBy: p.officerId ?? p.sub, createdAt: now.toISOString(), startedAt: null, endedAt: null,
  };
  try {
    await createRun(run, now);
  } catch (error) {
    if (error instanceof PassRunning) {
      throw Conflict('A notification pass of this city is already running; follow it or wait for it to end', [{ field: 'day', message: error.runId ? `Run ${error.runId} is running` : 'A run is running' }]);
    }
    throw error;
  }
  try {
    // Loaded on first use: the queue client stays out of the other routes' start-up.
    const { notificationRunQueue } = await import('./run-queue.js');
    await notificationRunQueue().send([{ tenant: p.tenant, runId: run.id, day: run.day, batchNo: 0 }]);
  } catch (error) {
    logger.error('notification run not queued', { error: error as Error, runId: run.id });
    await endRun(p.tenant, run.id, { status: 'failed', at: new Date().toISOString(), failureReason: 'The run could not be queued' });
    throw Unavailable(30, 'RUN_NOT_QUEUED', `The pass could not be queued and was marked failed (${run.id}); nothing was sent, please start it again`);
  }
  return run;
}

export async function notificationRun(p: Principal, id: string): Promise<NotificationRun> {
  requireRegionAdmin(p);
  const run = RUN_ID.test(id) ? await getRun(p.tenant, id) : undefined;
  if (!run) throw NotFound('Notification run');
  return run;
}

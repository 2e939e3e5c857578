// Isolation matrix: every ROUTES row × {other tenant's region_admin, plain officer on a colleague,
// supervisor outside the chain, national reader}. The rule table below must name every route, so a
// new route without a rule fails here. A = serang (the caller), B = banjarbaru (the resource's owner).
// The rules themselves: isolation-rules.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchPut } from '../../../functions/data/batch.js';
import { ROUTES, routeKey } from '../../../functions/routes.js';
import { startHarness, type Harness } from '../harness.js';
import { buildTenant } from './fixture.js';
import { CALLER, RULES, ruleFixtureItems, type Fx, type Role } from './isolation-rules.js';
import { changes, NOTHING, notOfTenant, snapshot, type Snapshot } from './snapshot.js';

let h: Harness;
let fx: Fx;
let outsideA: Snapshot;
beforeAll(async () => {
  h = await startHarness({ stream: false });
  fx = { A: await buildTenant(h, 'serang', '10.77.0.1'), B: await buildTenant(h, 'banjarbaru', '10.77.0.2') };
  await batchPut(ruleFixtureItems(fx));
  outsideA = await snapshot(h.tableName, notOfTenant('serang'));
});
afterAll(async () => { await h?.close(); });

/** Nothing that names tenant B's people may appear in a 2xx answer to anyone outside B. */
function assertNoLeak(body: unknown) {
  const text = JSON.stringify(body ?? '');
  for (const o of [fx.B.pegawai, fx.B.colleague, fx.B.atasan]) {
    expect(text).not.toContain(o.id);
    expect(text).not.toContain(o.nip);
    expect(text).not.toContain(o.name);
  }
}

describe('the rule table', () => {
  it('names every route of functions/routes.ts, and no route that does not exist', () => {
    const keys = ROUTES.map(routeKey);
    expect(keys.filter((k) => !(k in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('builds each request for the route it is filed under', () => {
    for (const def of ROUTES) {
      const pattern = new RegExp(`^${def.path.replace(/\{\w+\}/g, '[^/]+')}$`);
      for (const c of Object.values(RULES[routeKey(def)] ?? {})) {
        if (typeof c === 'object') expect(c.req(fx).path.split('?')[0], routeKey(def)).toMatch(pattern);
      }
    }
  });
});

const ROLES: Role[] = ['crossTenant', 'colleague', 'outsider', 'national'];
describe.each(ROLES)('%s', (role) => {
  for (const def of ROUTES) {
    const rule = RULES[routeKey(def)];
    const c = rule?.[role];
    if (!c || typeof c !== 'object') continue;
    const expected = Array.isArray(c.status) ? c.status : [c.status];
    it(`${routeKey(def)} → ${expected.join('/')}`, async () => {
      const req = c.req(fx);
      const res = await h.call(def.method, req.path, { as: CALLER[role](fx), body: req.body, raw: req.raw, headers: req.headers });
      expect(expected, JSON.stringify(res.body)).toContain(res.status);
      if (res.status >= 400) expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      else {
        c.check?.(res.body, fx);
        if (role !== 'colleague' && role !== 'outsider') assertNoLeak(res.body);
        if (role === 'national') expect(JSON.stringify(res.body)).not.toMatch(/"nip"/);
      }
    });
  }
});

describe('after the whole matrix', () => {
  it('nothing outside tenant A was written (tenant B, national, NIP index)', async () => {
    expect(changes(outsideA, await snapshot(h.tableName, notOfTenant('serang')))).toEqual(NOTHING);
  });
});

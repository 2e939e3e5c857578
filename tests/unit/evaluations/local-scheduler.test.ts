// The local scheduler arms the same daily trigger CDK deploys: 01:00 in each tenant's own zone.
import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../../infra/local/scheduler.js';
import { allTenants } from '../../../infra/deployments.js';
import { isoInZone } from '../../../functions/domain/calendar.js';

describe('local scheduler', () => {
  it('arms one daily trigger per tenant at 01:00 local time', () => {
    const scheduler = startScheduler({ now: () => new Date('2026-12-10T12:00:00Z') });
    try {
      const next = scheduler.next();
      expect(next.map((n) => n.tenant).sort()).toEqual(allTenants().map((t) => t.id).sort());
      for (const { tenant, at } of next) {
        const zone = allTenants().find((t) => t.id === tenant)!.timeZone;
        // 2026-12-10 12:00Z is already evening in WIB and WITA: the next trigger is on the 11th.
        expect(isoInZone(at, zone)).toMatch(/^2026-12-11T01:00:00\+0[78]:00$/);
      }
    } finally {
      scheduler.stop();
    }
  });
});

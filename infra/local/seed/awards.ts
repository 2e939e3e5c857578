// Seeds Serang's recognition list through the award service (so the yearly count is what the API
// leaves): a kinerja award confirming the latest AWARD_CANDIDATE found, and an inovasi award.
import { createAward } from '../../../functions/awards/service.js';
import { addMonths, lastEndedPeriod } from '../../../functions/domain/periods.js';
import { pageEvaluationsOfPeriod } from '../../../functions/evaluations/repository.js';
import type { Principal } from '../../../functions/http/principal.js';
import type { SeedContext, Seeder } from './context.js';

const TENANT = 'serang';

async function latestCandidate(period: string): Promise<{ officerId: string; period: string } | undefined> {
  for (let i = 0, p = period; i < 12; i++, p = addMonths(p, -1)) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await pageEvaluationsOfPeriod(TENANT, p, undefined, { limit: 200, startKey });
      const found = page.items.find((e) => e.recommendations.some((r) => r.rule === 'AWARD_CANDIDATE'));
      if (found) return { officerId: found.officerId, period: p };
      startKey = page.lastKey;
    } while (startKey);
  }
  return undefined;
}

export const awardsSeeder: Seeder = {
  name: 'awards',
  run: async (ctx: SeedContext) => {
    const admin = ctx.users.find((u) => u.username === `${TENANT}.admin`);
    const pegawai = ctx.users.find((u) => u.username === `${TENANT}.pegawai`);
    const config = ctx.tenantConfigs.find((t) => t.id === TENANT);
    if (!admin || !config) return;
    const p: Principal = { sub: 'seed', tenant: TENANT, roles: new Set(['region_admin']), officerId: admin.officerId ?? undefined, agencyId: admin.agencyId ?? undefined };
    const candidate = await latestCandidate(lastEndedPeriod(ctx.now, config.timeZone, 'monthly'));
    if (candidate) {
      await createAward(p, {
        officerId: candidate.officerId, kind: 'kinerja', period: candidate.period, title: 'Pegawai Berkinerja Terbaik',
        citation: 'Atas predikat Sangat Baik yang diraih berturut-turut dan teladan pelayanan kepada masyarakat Kota Serang.',
      }, ctx.now);
    }
    const innovator = pegawai?.officerId;
    if (innovator && innovator !== candidate?.officerId) {
      await createAward(p, {
        officerId: innovator, kind: 'inovasi', title: 'Inovasi Antrean Daring Puskesmas',
        citation: 'Atas prakarsa antrean daring yang memangkas waktu tunggu layanan dan meningkatkan kepuasan warga.',
      }, ctx.now);
    }
  },
};

// The demo data, seeded once into an empty table: each capability adds its seeder to this list.
import type { TenantConfig } from '../../../functions/config/tenants.js';
import type { SeedContext, Seeder } from './context.js';
import { orgSeeder } from './org.js';
import { reportsSeeder } from './plans-reports.js';
import { feedbackSeeder } from './feedback.js';
import { surveysSeeder } from './surveys.js';
import { forumsSeeder } from './forums.js';
import { evaluationsSeeder } from './trainings-evaluations.js';
import { visitsSeeder } from './visits.js';
import { storySeeder } from './story.js';
import { awardsSeeder } from './awards.js';
import { createRng } from './prng.js';

export const SEEDERS: Seeder[] = [orgSeeder, reportsSeeder, feedbackSeeder, surveysSeeder, forumsSeeder, storySeeder, evaluationsSeeder, awardsSeeder, visitsSeeder];

export async function seed(tenantConfigs: TenantConfig[], opts: { now?: Date; progress?: (m: string) => void; seeders?: Seeder[] } = {}): Promise<SeedContext> {
  const ctx: SeedContext = {
    rng: createRng('kinerja-asn-demo'),
    now: opts.now ?? new Date(),
    tenantConfigs,
    usedNips: new Set(),
    tenants: [],
    users: [],
    progress: opts.progress ?? (() => {}),
  };
  for (const seeder of opts.seeders ?? SEEDERS) {
    const started = Date.now();
    await seeder.run(ctx);
    ctx.progress(`seeded ${seeder.name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return ctx;
}

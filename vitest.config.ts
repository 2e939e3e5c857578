// `npm test` runs every project: unit, integration (DynamoDB Local), infra (CDK assertions), e2e (Chromium).
import { defineConfig } from 'vitest/config';
import { SHORT_LIVED_JVM } from './infra/local/jvm.js';

// Every DynamoDB Local the tests start (the harness's, the snapshot's, the browser tests' runtime) is
// short-lived: its JVM skips the optimising compiler (infra/local/jvm.ts). The java launcher reads
// JDK_JAVA_OPTIONS; workers and the runtime the e2e setup spawns inherit it (DynamoDB Local is the only JVM).
process.env.JDK_JAVA_OPTIONS ??= SHORT_LIVED_JVM;

export default defineConfig({
  test: {
    pool: 'forks',
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          // The demo organisation, seeded once per run; each file gets its own DynamoDB Local over a copy.
          globalSetup: ['tests/integration/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 300_000,
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['tests/infra/**/*.test.ts'],
          // Every cell synthesized once per run; the files assert against those templates (tests/infra/template.ts).
          globalSetup: ['tests/infra/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 2 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          setupFiles: ['tests/e2e/ready.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          sequence: { groupOrder: 3 },
        },
      },
    ],
  },
});

// The shape every section returns: lines for BENCHMARKS.md (figure vs budget) and its raw numbers.
import type { Machine } from './stats.js';

export interface Line {
  /** What is measured, e.g. "POST /v1/reports (with Idempotency-Key)". */
  what: string;
  figure: string;
  budget: string;
  /** null: informational, no budget applies. */
  pass: boolean | null;
  note?: string;
  /** The figure before the current round of changes, where the line's `what` changed (else it is looked up by `what` in results/before.json). */
  before?: string;
}

export interface SectionResult {
  section: SectionName;
  title: string;
  /** How the figures were produced, in a sentence or two (the command is `npm run bench -- --only <section>`). */
  method: string;
  lines: Line[];
  machineBefore: Machine;
  machineAfter: Machine;
  seconds: number;
  /** Capacity units per operation for infra/cost.ts, where this section measured them. */
  capacity?: Record<string, { wcu?: number; rcu?: number }>;
  /** Why a budget is missed and what would fix it. */
  analysis?: string[];
  raw: unknown;
}

export const SECTIONS = ['reads', 'writes', 'surveys', 'evaluation', 'documents', 'bundles', 'dashboard', 'lighthouse', 'load', 'cost'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchContext {
  log: (line: string) => void;
  /** The cached seeded database file (seeds it on first use). */
  seedFile: () => Promise<string>;
  /** The local runtime (`npm start`) over a copy of the seeded data, started on first use. */
  runtime: () => Promise<{ base: string; ddbEndpoint: string }>;
  /** Results of sections run earlier (this run or a previous one), e.g. for the cost model. */
  previous: Partial<Record<SectionName, SectionResult>>;
}

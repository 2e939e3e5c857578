import type { BenchContext, SectionResult } from './types.js';

export async function runDashboard(_ctx: BenchContext): Promise<SectionResult> {
  throw new Error('not written yet');
}

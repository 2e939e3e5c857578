import type { BenchContext, SectionResult } from './types.js';

export async function runBundles(_ctx: BenchContext): Promise<SectionResult> {
  throw new Error('not written yet');
}

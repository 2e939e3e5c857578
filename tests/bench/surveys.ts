// Section 'surveys' of DESIGN.md §6: not measured yet (being built for issue 19); it reports a failing line until then.
import { machine } from './stats.js';
import type { BenchContext, SectionResult } from './types.js';

export async function runSurveys(_ctx: BenchContext): Promise<SectionResult> {
  const at = machine();
  return { section: 'surveys', title: 'surveys', method: 'Not measured yet.', machineBefore: at, machineAfter: at, seconds: 0, lines: [{ what: 'surveys section', figure: 'not measured', budget: 'DESIGN.md §6', pass: false }], raw: null };
}

// BENCHMARKS.md from the merged results: per section the method, and per line figure, budget, pass/fail.
import type { SectionResult } from './types.js';
import { SECTIONS } from './types.js';

const verdict = (p: boolean | null) => (p === null ? 'info' : p ? '**pass**' : '**FAIL**');
const esc = (s: string) => s.replace(/\|/g, '\\|');
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** Figures of the lines as they stood before the current round of changes (results/before.json), by `what`. */
function beforeFigures(before: Partial<Record<string, SectionResult>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of Object.values(before)) for (const l of r?.lines ?? []) out.set(l.what, `${l.figure} (${verdict(l.pass).replace(/\*/g, '')})`);
  return out;
}

export function renderMarkdown(results: Partial<Record<string, SectionResult>>, intro: string[], before: Partial<Record<string, SectionResult>> = {}): string {
  const was = beforeFigures(before);
  const out: string[] = ['# Benchmarks', '', ...intro, ''];
  const done = SECTIONS.map((s) => results[s]).filter((r): r is SectionResult => r !== undefined);
  out.push('## Summary', '', '| section | budget lines | pass | fail | measured at | load avg (1/5/15 min) before → after |', '|---|---|---|---|---|---|');
  for (const r of done) {
    const budgeted = r.lines.filter((l) => l.pass !== null);
    out.push(`| [${r.title}](#${r.section}) | ${budgeted.length} | ${budgeted.filter((l) => l.pass).length} | ${budgeted.filter((l) => !l.pass).length} | ${r.machineBefore.at.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds.toFixed(0)} s | ${load(r.machineBefore.loadavg)} → ${load(r.machineAfter.loadavg)} |`);
  }
  for (const r of done) {
    out.push('', `<a id="${r.section}"></a>`, `## ${r.title}`, '');
    out.push(`**Command:** \`npm run bench -- --only ${r.section}\` · ${r.machineBefore.cpus} × ${r.machineBefore.cpuModel}, Node ${r.machineBefore.node}, load average ${load(r.machineBefore.loadavg)} before and ${load(r.machineAfter.loadavg)} after · ${r.seconds.toFixed(0)} s`, '');
    out.push(`**Method:** ${r.method}`, '');
    out.push('| what | before | figure | budget | result | note |', '|---|---|---|---|---|---|');
    for (const l of r.lines) out.push(`| ${esc(l.what)} | ${esc(l.before ?? was.get(l.what) ?? '—')} | ${esc(l.figure)} | ${esc(l.budget)} | ${verdict(l.pass)} | ${esc(l.note ?? '')} |`);
    if (r.analysis?.length) out.push('', ...r.analysis.map((a) => `- ${a}`));
  }
  return `${out.join('\n')}\n`;
}

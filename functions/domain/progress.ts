// Progress during the month (DESIGN §4 progress drafts): whether a realisasi-to-date keeps pace with the
// month's target. The plan's targets are monthly (capaian compares a month's realisasi with them directly).
import type { Aspect } from './types.js';
import { isWorkingDay } from './workdays.js';

/** Slack below the pro-rated target, as a share of the target: 10 % behind pace still counts as on track. */
export const PROGRESS_TOLERANCE = 0.1;

// Product default (Tanjung Selor's progress updates): share of the month's working days elapsed up to and including `today`
export function elapsedWorkingShare(month: string, today: string, holidays: readonly string[]): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  let total = 0;
  let elapsed = 0;
  for (let d = 1; d <= days; d++) {
    const iso = `${month}-${String(d).padStart(2, '0')}`;
    if (!isWorkingDay(iso, holidays)) continue;
    total += 1;
    if (iso <= today) elapsed += 1;
  }
  if (total === 0) return today >= `${month}-01` ? 1 : 0;
  return elapsed / total;
}

// Product default: kuantitas/kualitas on track when value ≥ target × (elapsed share − tolerance); waktu/biaya (lower is better) only once a value exists, on track when value ≤ target × (1 + tolerance); null = not judged
export function progressOnTrack(aspect: Aspect, target: number, value: number | undefined, elapsedShare: number, tolerance = PROGRESS_TOLERANCE): boolean | null {
  if (!(target > 0)) throw new RangeError(`target must be > 0, got ${target}`);
  if (aspect === 'kuantitas' || aspect === 'kualitas') return (value ?? 0) >= target * Math.max(0, elapsedShare - tolerance);
  if (value === undefined) return null;
  return value <= target * (1 + tolerance);
}

/** The draft as a whole: behind if any judged indicator is behind, on track if all judged ones are, null if none is judged. */
export function overallOnTrack(judgements: readonly (boolean | null)[]): boolean | null {
  const judged = judgements.filter((j): j is boolean => j !== null);
  if (judged.length === 0) return null;
  return judged.every(Boolean);
}

export interface PaceTarget { indicatorId: string; aspect: Aspect; target: number }

/** Each indicator's judgement (by id) and the draft's overall one, from the drafted values so far. */
export function judgeProgress(targets: readonly PaceTarget[], items: readonly { indicatorId: string; value: number }[], elapsedShare: number): { byIndicator: Record<string, boolean | null>; onTrack: boolean | null } {
  const values: Record<string, number> = Object.fromEntries(items.map((i) => [i.indicatorId, i.value]));
  const byIndicator = Object.fromEntries(targets.map((t) => [t.indicatorId, progressOnTrack(t.aspect, t.target, values[t.indicatorId], elapsedShare)]));
  return { byIndicator, onTrack: overallOnTrack(Object.values(byIndicator)) };
}

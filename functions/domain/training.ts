import { parsePeriod } from './periods.js';

/** PP 17/2020: minimum jam pelajaran of competency development per officer per year. */
export const TRAINING_JP_MIN_PER_YEAR = 20;

export interface TrainingPace {
  /** JP expected by the end of the month, pro-rated: 20 × month / 12. */
  required: number;
  behind: boolean;
  /** Only meaningful for December: the year closed below 20 JP. */
  yearEndShort: boolean;
}

// PP 17/2020, 20 JP a year: pace pro-rated over the officer's active months (DESIGN §2 Officer status;
// every month of the year so far by default), and the year-end shortfall against that pro-rated need
export function trainingPace(jpToDate: number, asOfMonth: string, activeMonthsToDate?: number): TrainingPace {
  const p = parsePeriod(asOfMonth);
  if (p.kind !== 'month') throw new RangeError(`not a month: ${asOfMonth}`);
  const active = Math.min(p.month, Math.max(0, activeMonthsToDate ?? p.month));
  const required = (TRAINING_JP_MIN_PER_YEAR * active) / 12;
  return {
    required,
    behind: jpToDate < required,
    yearEndShort: p.month === 12 && jpToDate < required,
  };
}

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

// PP 17/2020, 20 JP a year: pace pro-rated by month, and the year-end shortfall
export function trainingPace(jpToDate: number, asOfMonth: string): TrainingPace {
  const p = parsePeriod(asOfMonth);
  if (p.kind !== 'month') throw new RangeError(`not a month: ${asOfMonth}`);
  const required = (TRAINING_JP_MIN_PER_YEAR * p.month) / 12;
  return {
    required,
    behind: jpToDate < required,
    yearEndShort: p.month === 12 && jpToDate < TRAINING_JP_MIN_PER_YEAR,
  };
}

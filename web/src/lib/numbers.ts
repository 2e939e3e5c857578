// The form side of functions/domain/indonesian-number.ts: the same parser, its refusals as dictionary
// keys, and the parsed value shown back in id-ID so the officer sees what will be sent.
import { parseIndonesianNumber, type NumberProblem, type ParsedNumber } from '../../../functions/domain/indonesian-number.js';
import type { Key } from './dictionary.js';

export { parseIndonesianNumber, type NumberProblem, type ParsedNumber };

export const problemKey = (problem: NumberProblem): Key => `number.${problem}`;

const shown = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 6 });
/** "= 1.500" beside the field: every digit the user typed, grouped the id-ID way. */
export const echo = (value: number): string => `= ${shown.format(value)}`;
/** A stored value back in a field, written the way the field reads it ("1.500,5"). */
export const asInput = (value: number): string => shown.format(value);

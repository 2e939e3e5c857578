// Numbers as an Indonesian user types them (PUEBI; id-ID locale): the dot groups thousands
// ("1.500.000"), the comma marks decimals ("1.500,5", "0,75"). What could also be read the English
// way ("1,500", "1.5") is refused with a reason rather than guessed: a guess turns 1.500 into 1,5.

export type NumberProblem =
  | 'empty'
  | 'notANumber' // letters or symbols other than digits, one dot-grouping and one comma
  | 'negative'
  | 'malformed' // "1..5", "1,2,3", ",5", "12,", "1."
  | 'dotDecimal' // "1.5", "12.25", "0.500": a dot not followed by groups of three digits
  | 'ambiguousComma' // "1,500": English thousands or 1,5?
  | 'englishStyle'; // "1,500.5"

export type ParsedNumber = { ok: true; value: number } | { ok: false; problem: NumberProblem; reason: string };

const REASONS: Record<NumberProblem, string> = {
  empty: 'Enter a number',
  notANumber: 'Only digits, a dot between thousands and a comma before decimals',
  negative: 'Must be 0 or more',
  malformed: 'Not a number: check the dots and commas',
  dotDecimal: 'A dot groups thousands (1.500); write decimals with a comma (1,5)',
  ambiguousComma: 'Could mean thousands or decimals: write 1.500 for thousands, 1,5 for decimals',
  englishStyle: 'English style: write 1.500,5 (dot for thousands, comma for decimals)',
};

const refuse = (problem: NumberProblem): ParsedNumber => ({ ok: false, problem, reason: REASONS[problem] });

/** Reads "1.500" as 1500 and "1.500,5" as 1500.5; refuses ambiguous or malformed input with a reason. */
export function parseIndonesianNumber(input: string, opts: { allowNegative?: boolean } = {}): ParsedNumber {
  let s = input.trim();
  if (s === '') return refuse('empty');
  const negative = s.startsWith('-') || s.startsWith('\u2212');
  if (negative) s = s.slice(1).trimStart();
  if (!/^[\d.,]+$/.test(s)) return refuse('notANumber');
  if (negative && !opts.allowNegative) return refuse('negative');

  const commas = s.split(',').length - 1;
  if (commas > 1) return refuse('malformed');
  const [whole, fraction] = s.split(',');
  if (fraction !== undefined && fraction.includes('.')) return refuse('englishStyle');
  if (whole === '' || fraction === '' || /^\.|\.$|\.\./.test(whole)) return refuse('malformed');

  if (whole.includes('.')) {
    // Thousands grouping: a first group of 1–3 digits not starting with 0, then groups of exactly three.
    if (!/^[1-9]\d{0,2}(\.\d{3})+$/.test(whole)) return refuse('dotDecimal');
  } else if (fraction?.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    return refuse('ambiguousComma');
  }

  const value = Number(`${whole.replaceAll('.', '')}${fraction === undefined ? '' : `.${fraction}`}`);
  if (!Number.isFinite(value)) return refuse('malformed');
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

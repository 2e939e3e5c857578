import type { Predikat } from './types.js';

/** DESIGN §2 Angka kredit: the predikat's percentage of the yearly coefficient. */
export const PREDIKAT_PERCENT: Record<Predikat, number> = { SANGAT_BAIK: 150, BAIK: 100, BUTUH_PERBAIKAN: 75, KURANG: 50, SANGAT_KURANG: 25 };

// PermenPANRB 6/2022 (DESIGN §2): credit of a period = predikat % × koefisien × months / 12, two decimals
export function angkaKredit(predikat: Predikat, koefisienAk: number, months: number): number {
  return Math.round(((PREDIKAT_PERCENT[predikat] / 100) * koefisienAk * months / 12) * 100 + Number.EPSILON) / 100;
}

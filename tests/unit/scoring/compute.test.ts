// Scoring one approved report from its plan (pure): capaian per RHK and period, IKM indicators,
// ratings, override, predikat, and the rollup deltas that make re-scoring replace rather than add.
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../functions/domain/policy.js';
import type { Behaviour, Rhk } from '../../../functions/domain/types.js';
import { rollupContribution, rollupDelta, scoreReport } from '../../../functions/scoring/compute.js';

const rhk: Rhk[] = [
  { id: 'a', kind: 'utama', title: 'Izin', indicators: [
    { id: 'izin', name: 'Izin diproses', aspect: 'kuantitas', target: 100, unit: 'berkas', source: 'report' },
    { id: 'hari', name: 'Waktu penyelesaian', aspect: 'waktu', target: 5, unit: 'hari', source: 'report' },
  ] },
  { id: 'b', kind: 'utama', title: 'Kepuasan', indicators: [
    { id: 'ikm', name: 'IKM unit', aspect: 'kualitas', target: 80, unit: 'indeks', source: 'ikm' },
    { id: 'aduan', name: 'Aduan ditindaklanjuti', aspect: 'kuantitas', target: 10, unit: 'aduan', source: 'report' },
  ] },
  { id: 'c', kind: 'tambahan', title: 'Narasumber', indicators: [{ id: 'nar', name: 'Kegiatan', aspect: 'kuantitas', target: 2, unit: 'kegiatan', source: 'report' }] },
];
const sesuai: Behaviour = { berorientasi_pelayanan: 2, akuntabel: 2, kompeten: 2, harmonis: 2, loyal: 2, adaptif: 2, kolaboratif: 2 };
const diAtas: Behaviour = { ...sesuai, akuntabel: 3, kompeten: 3, harmonis: 3, loyal: 3 };
const policy = DEFAULT_POLICY;

describe('scoreReport', () => {
  it('uses the unit IKM for ikm-sourced indicators and weights a tambahan above the utama mean at 0.5', () => {
    // a: mean(90, 5/4 → 125 → 120) = 105; b: mean(88/80 → 110, 8/10 → 80) = 95; utama mean 100;
    // c: 3/2 → 150 → 120 > 100: (105 + 95 + 0.5 × 120) / 2.5 = 104
    const s = scoreReport({ rhk, values: { izin: 90, hari: 4, aduan: 8, nar: 3 }, ikm: 88, behaviour: sesuai, policy });
    expect(s.rhk).toEqual([{ id: 'a', capaian: 105 }, { id: 'b', capaian: 95 }, { id: 'c', capaian: 120 }]);
    expect(s).toMatchObject({ capaian: 104, hasilKerjaSuggested: 'SESUAI', hasilKerja: 'SESUAI', perilaku: 'SESUAI', predikat: 'BAIK', hasilKerjaOverridden: false });
  });

  it('leaves an unknown IKM out of its RHK mean instead of counting it as 0', () => {
    const s = scoreReport({ rhk, values: { izin: 90, hari: 4, aduan: 8, nar: 0 }, ikm: null, behaviour: sesuai, policy });
    // b = 80 only; utama mean (105 + 80) / 2 = 92.5; tambahan 0 is below it and cannot lower the result
    expect(s.rhk.find((r) => r.id === 'b')!.capaian).toBe(80);
    expect(s.capaian).toBe(92.5);
  });

  it('drops an RHK with no value at all, and has no capaian or predikat when no utama RHK has one', () => {
    const onlyIkm: Rhk[] = [{ id: 'x', kind: 'utama', title: 'IKM', indicators: [rhk[1].indicators[0]] }];
    const s = scoreReport({ rhk: onlyIkm, values: {}, ikm: null, behaviour: sesuai, policy });
    expect(s).toMatchObject({ capaian: null, hasilKerja: null, predikat: null, perilaku: 'SESUAI', rhk: [] });
  });

  it('rates from the tenant thresholds and combines with behaviour in the predikat matrix', () => {
    const high = scoreReport({ rhk: [rhk[0]], values: { izin: 115, hari: 4 }, ikm: null, behaviour: diAtas, policy });
    expect(high).toMatchObject({ capaian: 117.5, hasilKerja: 'DI_ATAS', perilaku: 'DI_ATAS', predikat: 'SANGAT_BAIK' });
    const strict = scoreReport({ rhk: [rhk[0]], values: { izin: 115, hari: 4 }, ikm: null, behaviour: diAtas, policy: { ...policy, hasilKerjaThresholds: { diAtas: 120, sesuai: 100 } } });
    expect(strict).toMatchObject({ hasilKerja: 'SESUAI', predikat: 'BAIK' });
    const misconduct = scoreReport({ rhk: [rhk[0]], values: { izin: 115, hari: 4 }, ikm: null, behaviour: { ...diAtas, loyal: 1 }, policy });
    expect(misconduct).toMatchObject({ perilaku: 'DI_BAWAH', predikat: 'KURANG' });
    const low = scoreReport({ rhk: [rhk[0]], values: { izin: 50, hari: 10 }, ikm: null, behaviour: { ...sesuai, adaptif: 1 }, policy });
    expect(low).toMatchObject({ capaian: 50, hasilKerja: 'DI_BAWAH', predikat: 'SANGAT_KURANG' });
  });

  it('applies a supervisor override over the suggestion and says so', () => {
    const s = scoreReport({ rhk: [rhk[0]], values: { izin: 80, hari: 5 }, ikm: null, behaviour: sesuai, hasilKerjaOverride: { rating: 'SESUAI' }, policy });
    expect(s).toMatchObject({ capaian: 90, hasilKerjaSuggested: 'SESUAI', hasilKerja: 'SESUAI', hasilKerjaOverridden: true });
    const down = scoreReport({ rhk: [rhk[0]], values: { izin: 120, hari: 4 }, ikm: null, behaviour: diAtas, hasilKerjaOverride: { rating: 'SESUAI' }, policy });
    expect(down).toMatchObject({ capaian: 120, hasilKerjaSuggested: 'DI_ATAS', hasilKerja: 'SESUAI', hasilKerjaOverridden: true, predikat: 'BAIK' });
  });

  it('rates the capaian as shown: 109.995 rounds to 110.00 and is DI_ATAS', () => {
    const one: Rhk[] = [{ id: 'a', kind: 'utama', title: 'x', indicators: [{ id: 'v', name: 'v', aspect: 'kuantitas', target: 200, unit: 'u', source: 'report' }] }];
    expect(scoreReport({ rhk: one, values: { v: 219.99 }, ikm: null, behaviour: sesuai, policy })).toMatchObject({ capaian: 110, hasilKerja: 'DI_ATAS' });
  });
});

describe('rollup deltas', () => {
  it('adds a first score in full and replaces a re-score instead of adding it', () => {
    const first = { capaian: 104, predikat: 'BAIK' as const };
    expect(rollupDelta({}, rollupContribution(first))).toEqual({ approved: 1, scored: 1, capaianSum: 104, predikat_BAIK: 1 });
    const rescored = { capaian: 112.5, predikat: 'SANGAT_BAIK' as const };
    expect(rollupDelta(rollupContribution(first), rollupContribution(rescored))).toEqual({ capaianSum: 8.5, predikat_BAIK: -1, predikat_SANGAT_BAIK: 1 });
    expect(rollupDelta(rollupContribution(first), rollupContribution(first))).toEqual({});
  });

  it('counts an approval without capaian as approved but not scored', () => {
    expect(rollupContribution({ capaian: null, predikat: null })).toEqual({ approved: 1 });
  });
});

// NIP (Nomor Induk Pegawai), 18 digits per BKN: birth date YYYYMMDD, TMT (appointment) YYYYMM,
// gender digit (1 male, 2 female), sequence NNN.

export interface Nip {
  birthDate: string; // YYYY-MM-DD
  tmt: string; // YYYY-MM
  gender: 'L' | 'P';
  sequence: number;
}

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** BKN NIP structure: returns the parts, or the reason it is not a valid NIP. */
export function parseNip(nip: string): { ok: true; value: Nip } | { ok: false; reason: string } {
  if (!/^\d{18}$/.test(nip)) return { ok: false, reason: 'NIP must be exactly 18 digits' };
  const by = Number(nip.slice(0, 4)), bm = Number(nip.slice(4, 6)), bd = Number(nip.slice(6, 8));
  const ty = Number(nip.slice(8, 12)), tm = Number(nip.slice(12, 14));
  const g = nip[14], seq = Number(nip.slice(15));
  if (by < 1940 || !isRealDate(by, bm, bd)) return { ok: false, reason: 'NIP digits 1–8 are not a valid birth date' };
  if (tm < 1 || tm > 12 || ty < by + 17 || ty > by + 60) return { ok: false, reason: 'NIP digits 9–14 are not a plausible appointment (TMT) month' };
  if (g !== '1' && g !== '2') return { ok: false, reason: 'NIP digit 15 (gender) must be 1 or 2' };
  if (seq < 1) return { ok: false, reason: 'NIP digits 16–18 (sequence) must be 001–999' };
  const pad = (n: number) => String(n).padStart(2, '0');
  return { ok: true, value: { birthDate: `${by}-${pad(bm)}-${pad(bd)}`, tmt: `${ty}-${pad(tm)}`, gender: g === '1' ? 'L' : 'P', sequence: seq } };
}

/** Builds a NIP from its parts (the seed uses it to create valid demo NIPs). */
export function formatNip(n: Nip): string {
  return `${n.birthDate.replaceAll('-', '')}${n.tmt.replace('-', '')}${n.gender === 'L' ? '1' : '2'}${String(n.sequence).padStart(3, '0')}`;
}

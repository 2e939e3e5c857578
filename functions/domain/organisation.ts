// The organisation's vocabulary: kinds of agency (OPD) and of service unit, and ids made from names.

/** Kinds of perangkat daerah, by the affairs they carry (UU 23/2014 urusan pemerintahan). */
export const AGENCY_KINDS = ['kesehatan', 'pendidikan', 'perizinan', 'pupr', 'dukcapil', 'kepegawaian', 'kewilayahan', 'sosial', 'perhubungan', 'lainnya'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Kinds of service unit where citizens are served and surveyed (PermenPANRB 14/2017 unit penyelenggara). */
export const UNIT_KINDS = ['puskesmas', 'rumah_sakit', 'sekolah', 'loket', 'kantor', 'kelurahan', 'lainnya'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Ids look like the seed's (`dinkes`, `dinkes-u1`): lower-case ASCII letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ID_MAX = 40;

/** A readable id from a name ("Dinas Kesehatan" → "dinas-kesehatan"), within ID_MAX; never empty. */
export function slugOf(name: string, max = ID_MAX): string {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, max).replace(/-+$/, '');
  return slug || 'opd';
}

/** The n-th candidate id for a name (n = 1: the slug itself; then slug-2, slug-3 …), within ID_MAX. */
export const candidateId = (base: string, n: number): string => {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, ID_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
};

// A province in one tenant (issue 19): DKI Jakarta's ~100,000 ASN as synthetic but realistic data —
// the province's agencies (education and health the largest), service units in its 44 kecamatan,
// officers with valid NIPs under team leaders, heads of field and agency heads, three months of scores
// (90% reported) and the matching month rollups, so trends, lists and an evaluation run have what they
// read. Deterministic (seeded PRNG): writing it again writes the same items, so an interrupted seed is
// simply run again. Not in the default demo: `npm run seed:province` adds it (see province-seed.ts).
import * as keys from '../../../functions/data/keys.js';
import { nipItem, officerItem, type Officer } from '../../../functions/data/org-repository.js';
import { rollupTargets } from '../../../functions/data/rollup-repository.js';
import { scoreItem } from '../../../functions/data/score-repository.js';
import type { TenantConfig } from '../../../functions/config/tenants.js';
import { formatNip } from '../../../functions/domain/nip.js';
import { addMonths } from '../../../functions/domain/periods.js';
import { DEGREES, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES } from './names.js';
import { createRng } from './prng.js';

export interface ProvinceConfig extends TenantConfig { officers: number }

/** The province the command adds unless told otherwise (PROVINCE_OFFICERS=10000 for a smaller one). */
export const DKI_JAKARTA: ProvinceConfig = { id: 'dki-jakarta', name: 'Provinsi DKI Jakarta', timeZone: 'Asia/Jakarta', evaluationFrequency: 'monthly', officers: 100_000 };

const KECAMATAN = [
  'Gambir', 'Tanah Abang', 'Menteng', 'Senen', 'Cempaka Putih', 'Johar Baru', 'Kemayoran', 'Sawah Besar', // Jakarta Pusat
  'Penjaringan', 'Pademangan', 'Tanjung Priok', 'Koja', 'Kelapa Gading', 'Cilincing', // Jakarta Utara
  'Cengkareng', 'Grogol Petamburan', 'Taman Sari', 'Tambora', 'Kebon Jeruk', 'Kalideres', 'Palmerah', 'Kembangan', // Jakarta Barat
  'Tebet', 'Setiabudi', 'Mampang Prapatan', 'Pasar Minggu', 'Kebayoran Lama', 'Cilandak', 'Kebayoran Baru', 'Pancoran', 'Jagakarsa', 'Pesanggrahan', // Jakarta Selatan
  'Matraman', 'Pulo Gadung', 'Jatinegara', 'Kramat Jati', 'Pasar Rebo', 'Cakung', 'Duren Sawit', 'Makasar', 'Ciracas', 'Cipayung', // Jakarta Timur
  'Kepulauan Seribu Utara', 'Kepulauan Seribu Selatan', // Kepulauan Seribu
] as const;

interface AgencySpec { id: string; name: string; shortName: string; kind: string; share: number; unit?: (kec: string, i: number) => { name: string; kind: string; yearlyServiceUsers: number }; titles: string[] }

const AGENCIES: AgencySpec[] = [
  { id: 'disdik', name: 'Dinas Pendidikan', shortName: 'Disdik', kind: 'pendidikan', share: 0.42, unit: (k, i) => ({ name: `${i % 2 ? 'SMPN' : 'SDN'} ${k} ${(i % 7) + 1}`, kind: 'sekolah', yearlyServiceUsers: 900 }), titles: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Guru Ahli Madya', 'Pengawas Sekolah', 'Penata Layanan Operasional'] },
  { id: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'kesehatan', share: 0.16, unit: (k) => ({ name: `Puskesmas Kecamatan ${k}`, kind: 'puskesmas', yearlyServiceUsers: 40_000 }), titles: ['Perawat Ahli Pertama', 'Bidan Terampil', 'Dokter Ahli Pertama', 'Pranata Laboratorium Kesehatan', 'Sanitarian Terampil', 'Nutrisionis'] },
  { id: 'satpolpp', name: 'Satuan Polisi Pamong Praja', shortName: 'Satpol PP', kind: 'ketertiban', share: 0.06, titles: ['Polisi Pamong Praja Terampil', 'Polisi Pamong Praja Mahir', 'Penata Ketertiban'] },
  { id: 'gulkarmat', name: 'Dinas Penanggulangan Kebakaran dan Penyelamatan', shortName: 'Gulkarmat', kind: 'kebakaran', share: 0.05, unit: (k) => ({ name: `Sektor Pemadam Kebakaran ${k}`, kind: 'loket', yearlyServiceUsers: 2_000 }), titles: ['Analis Kebakaran', 'Petugas Pemadam Kebakaran', 'Instruktur Pemadam Kebakaran'] },
  { id: 'dishub', name: 'Dinas Perhubungan', shortName: 'Dishub', kind: 'perhubungan', share: 0.05, titles: ['Penguji Kendaraan Bermotor', 'Pengawas Lalu Lintas', 'Penata Angkutan'] },
  { id: 'dlh', name: 'Dinas Lingkungan Hidup', shortName: 'DLH', kind: 'lingkungan', share: 0.05, titles: ['Pengendali Dampak Lingkungan', 'Pengawas Kebersihan', 'Penata Persampahan'] },
  { id: 'dsda', name: 'Dinas Sumber Daya Air', shortName: 'DSDA', kind: 'pupr', share: 0.04, titles: ['Teknik Pengairan', 'Pengamat Pintu Air', 'Teknisi Pompa'] },
  { id: 'binamarga', name: 'Dinas Bina Marga', shortName: 'Bina Marga', kind: 'pupr', share: 0.03, titles: ['Teknik Jalan dan Jembatan', 'Pengawas Konstruksi', 'Juru Ukur'] },
  { id: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP', kind: 'perizinan', share: 0.03, unit: (k) => ({ name: `Unit PTSP Kecamatan ${k}`, kind: 'loket', yearlyServiceUsers: 12_000 }), titles: ['Penata Perizinan', 'Analis Perizinan', 'Pengadministrasi Perkantoran'] },
  { id: 'dukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Dukcapil', kind: 'dukcapil', share: 0.02, unit: (k) => ({ name: `Satpel Dukcapil Kecamatan ${k}`, kind: 'loket', yearlyServiceUsers: 25_000 }), titles: ['Administrator Database Kependudukan', 'Verifikator Data Kependudukan', 'Operator Layanan Operasional'] },
  { id: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', kind: 'sosial', share: 0.02, titles: ['Pekerja Sosial Ahli Pertama', 'Penyuluh Sosial', 'Pengelola Data Bantuan Sosial'] },
  { id: 'bapenda', name: 'Badan Pendapatan Daerah', shortName: 'Bapenda', kind: 'keuangan', share: 0.02, unit: (k) => ({ name: `Unit Pelayanan Pajak ${k}`, kind: 'loket', yearlyServiceUsers: 8_000 }), titles: ['Pemeriksa Pajak Daerah', 'Penilai Pajak', 'Analis Pendapatan Daerah'] },
  { id: 'bkd', name: 'Badan Kepegawaian Daerah', shortName: 'BKD', kind: 'kepegawaian', share: 0.01, titles: ['Analis Sumber Daya Manusia Aparatur', 'Asesor SDM Aparatur', 'Pranata Komputer'] },
  { id: 'inspektorat', name: 'Inspektorat Provinsi', shortName: 'Inspektorat', kind: 'pengawasan', share: 0.01, titles: ['Auditor Ahli Pertama', 'Auditor Ahli Muda', 'Pengawas Penyelenggaraan Urusan Pemerintahan Daerah'] },
  ...['Jakarta Pusat', 'Jakarta Utara', 'Jakarta Barat', 'Jakarta Selatan', 'Jakarta Timur'].map((k): AgencySpec => ({
    id: `kota-${k.split(' ')[1]!.toLowerCase()}`, name: `Kota Administrasi ${k}`, shortName: k, kind: 'kewilayahan', share: 0.0056, titles: ['Pengadministrasi Umum', 'Penata Layanan Operasional', 'Analis Kebijakan'],
  })),
  { id: 'kab-seribu', name: 'Kabupaten Administrasi Kepulauan Seribu', shortName: 'Kep. Seribu', kind: 'kewilayahan', share: 0.002, titles: ['Pengadministrasi Umum', 'Penata Layanan Operasional'] },
];
const TEAM = 10; // staff per team leader
const TEAMS_PER_FIELD = 20; // team leaders per head of field (kepala bidang)
const MONTHS = 3;
const PREDIKAT_MIX = ['BAIK', 'BAIK', 'BAIK', 'BAIK', 'SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'BAIK', 'SANGAT_BAIK', 'KURANG'] as const;

type Item = Record<string, unknown>;

/** The officers of each agency: its share of the province, at least a head and one team. */
function agencySizes(total: number): number[] {
  const sum = AGENCIES.reduce((s, a) => s + a.share, 0);
  const sizes = AGENCIES.map((a) => Math.max(12, Math.floor((total * a.share) / sum)));
  sizes[0]! += Math.max(0, total - sizes.reduce((s, n) => s + n, 0));
  return sizes;
}

/** The months a seed covers: the three before `now`'s month. */
export const provinceMonths = (currentMonth: string): string[] => Array.from({ length: MONTHS }, (_, i) => addMonths(currentMonth, i - MONTHS));

/** Every item of the province, in chunks (the province never sits in memory whole); `total` is exact. */
export function provinceItems(p: ProvinceConfig, currentMonth: string, chunk = 5_000): { total: number; chunks: () => Generator<Item[]> } {
  const sizes = agencySizes(p.officers);
  const months = provinceMonths(currentMonth);
  const units = AGENCIES.reduce((s, a) => s + (a.unit ? KECAMATAN.length : 0), 0);
  const scores = (n: number) => months.length * (n - Math.floor(n / 10));
  // Agencies, units, an officer and a NIP item per officer, their scores, the month rollups, the admins and two sign-ins.
  const total = AGENCIES.length + units + sizes.reduce((s, n) => s + 2 * n + scores(n), 0) + months.length * (AGENCIES.length + 2) + 3;
  function* chunks(): Generator<Item[]> {
    const rng = createRng(`province:${p.id}`);
    const now = `${currentMonth}-01T00:00:00.000Z`;
    let items: Item[] = [];
    const flush = function* () { if (items.length >= chunk) { yield items; items = []; } };
    const usedNips = new Set<string>();
    const rollups = new Map<string, Record<string, number>>(); // `${agency}|${month}` → counts
    let admin: Officer | undefined;
    for (const [ai, a] of AGENCIES.entries()) {
      items.push({ ...keys.agency(p.id, a.id), type: 'agency', id: a.id, name: a.name, shortName: a.shortName, kind: a.kind });
      const unitIds = a.unit ? KECAMATAN.map((k, i) => {
        const u = { id: `${a.id}-${String(i + 1).padStart(2, '0')}`, agencyId: a.id, ...a.unit!(k, i) };
        items.push({ ...keys.unit(p.id, u.id), type: 'unit', ...u });
        return u.id;
      }) : [];
      let head: Officer | undefined, field: Officer | undefined, lead: Officer | undefined, leads = 0, staff = 0;
      for (let i = 0; i < sizes[ai]!; i++) {
        const female = rng.chance(0.55);
        const level = !head ? 'head' : !field || leads >= TEAMS_PER_FIELD ? 'field' : !lead || staff >= TEAM ? 'lead' : 'staff';
        const birthYear = level === 'head' ? rng.int(1966, 1972) : level === 'field' ? rng.int(1968, 1980) : rng.int(1975, 2000);
        const pad = (n: number) => String(n).padStart(2, '0');
        const birth = `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
        const tmt = `${Math.min(2024, birthYear + rng.int(22, 30))}-${pad(rng.int(1, 12))}`;
        let nip = '';
        for (let seq = rng.int(1, 20); !nip || usedNips.has(nip); seq++) nip = formatNip({ birthDate: birth, tmt, gender: female ? 'P' : 'L', sequence: seq });
        usedNips.add(nip);
        const degree = rng.pick(DEGREES);
        const name = `${rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M)} ${rng.pick(LAST_NAMES)}${degree ? `, ${degree}` : ''}`;
        const id = `ofc_${p.id.replace(/[^a-z]/g, '')}_${String(usedNips.size).padStart(6, '0')}`;
        const position = level === 'head' ? `Kepala ${a.name}` : level === 'field' ? 'Kepala Bidang' : level === 'lead' ? 'Ketua Tim Kerja' : rng.pick(a.titles);
        const supervisorId = level === 'head' ? null : level === 'field' ? head!.id : level === 'lead' ? field!.id : lead!.id;
        const grade = level === 'head' ? 'IV/c' : level === 'field' ? 'IV/a' : level === 'lead' ? 'III/d' : rng.pick(['III/a', 'III/b', 'III/c', 'II/c', 'II/d', 'IX']);
        const unitId = unitIds.length && level !== 'head' && level !== 'field' ? unitIds[Math.floor(i / (TEAM + 1)) % unitIds.length]! : null;
        const o: Officer = { id, nip, name, position, grade, agencyId: a.id, unitId, supervisorId };
        if (level === 'head') head = o;
        else if (level === 'field') { field = o; leads = 0; }
        else if (level === 'lead') { lead = o; leads++; staff = 0; }
        else staff++;
        if (a.id === 'bkd' && level === 'field' && !admin) { admin = o; o.roles = ['region_admin']; }
        items.push(officerItem(p.id, o, now), nipItem(p.id, o));
        if (i % 10 === 9) { yield* flush(); continue; } // one in ten never reports: MISSING_REPORT
        for (const [mi, month] of months.entries()) {
          const predikat = PREDIKAT_MIX[(i + mi * 3) % PREDIKAT_MIX.length]!;
          const capaian = predikat === 'SANGAT_BAIK' ? 112 + (i % 8) : predikat === 'BAIK' ? 90 + (i % 20) : predikat === 'BUTUH_PERBAIKAN' ? 70 + (i % 20) : 60 + (i % 10);
          const hasilKerja = capaian >= 110 ? 'DI_ATAS' : capaian >= 90 ? 'SESUAI' : 'DI_BAWAH';
          const perilaku = predikat === 'KURANG' ? 'DI_BAWAH' : predikat === 'SANGAT_BAIK' ? 'DI_ATAS' : 'SESUAI';
          items.push(scoreItem({ tenant: p.id, officerId: id, agencyId: a.id, unitId, period: month, capaian, hasilKerjaSuggested: hasilKerja, hasilKerja, hasilKerjaOverridden: false, perilaku, predikat, reportId: `${id}.${month}`, scoredAt: now, scoredVersion: 1 } as Parameters<typeof scoreItem>[0]));
          const r = (rollups.get(`${a.id}|${month}`) ?? rollups.set(`${a.id}|${month}`, {}).get(`${a.id}|${month}`))!;
          for (const [k, v] of Object.entries({ submitted: 1, approved: 1, scored: 1, capaianSum: capaian, [`predikat_${predikat}`]: 1 })) r[k] = (r[k] ?? 0) + v;
        }
        yield* flush();
      }
      for (const month of months) {
        const r = (rollups.get(`${a.id}|${month}`) ?? rollups.set(`${a.id}|${month}`, {}).get(`${a.id}|${month}`))!;
        r.officers = sizes[ai]!;
      }
    }
    // Month rollups (SET whole: writing them again gives the same figures): each agency, the province, national.
    for (const month of months) {
      const province: Record<string, number> = {};
      for (const a of AGENCIES) {
        const counts = rollups.get(`${a.id}|${month}`)!;
        const [agency] = rollupTargets(p.id, a.id, month);
        items.push({ ...agency!.key, ...agency!.identity, ...counts });
        for (const [k, v] of Object.entries(counts)) province[k] = (province[k] ?? 0) + v;
      }
      const [, tenant, national] = rollupTargets(p.id, '-', month);
      items.push({ ...tenant!.key, ...tenant!.identity, ...province }, { ...national!.key, ...national!.identity, ...province });
    }
    items.push({ ...keys.regionAdmins(p.id), type: 'regionAdmins', officerIds: new Set([admin!.id]) });
    // The province's demo sign-ins, as the demo seed stores them (local only).
    items.push(
      { PK: 'LOCAL#DEVUSERS', SK: `${p.id}.admin`, type: 'devUser', username: `${p.id}.admin`, name: `${admin!.name} (BKD)`, tenant: p.id, roles: ['region_admin', 'officer', 'supervisor'], officerId: admin!.id, agencyId: admin!.agencyId },
      { PK: 'LOCAL#DEVUSERS', SK: `${p.id}.pimpinan`, type: 'devUser', username: `${p.id}.pimpinan`, name: `Pimpinan ${p.name}`, tenant: p.id, roles: ['leader'], officerId: null, agencyId: null },
    );
    yield items;
  }
  return { total, chunks };
}

// Exports for payroll and BKN (DESIGN §4), region_admin only: a period's evaluations read one page at a
// time (the published run's officers, their evaluations by key; never a Scan), each page's officers (and their penilai) in one BatchGet, written as CSV rows.
// A response stays under Lambda's 6 MB: past EXPORT_MAX_BYTES the export is refused with 413 naming the
// way out (one agency at a time, `agencyId=`), never cut short silently.
import { getOfficers, getTenantOrg, type Officer } from '../data/org-repository.js';
import { loadPolicy } from '../data/policy-repository.js';
import { angkaKredit } from '../domain/angka-kredit.js';
import type { Predikat } from '../domain/types.js';
import { Conflict, Forbidden, TooLarge } from '../domain/errors.js';
import { hasRole, type Principal } from '../http/principal.js';
import { finalPredikat, pageEvaluationsOfPeriod, type Evaluation } from '../evaluations/repository.js';
import { BOM, csvRow, type Cell } from './csv.js';

export const EXPORT_MAX_BYTES = 5_500_000;
const PAGE = 200;

// SIASN SKP reference codes (BKN): hasil kerja / perilaku 1 di atas, 2 sesuai, 3 di bawah ekspektasi;
// kuadran kinerja 1 sangat baik … 5 sangat kurang.
const RATING_CODE = { DI_ATAS: 1, SESUAI: 2, DI_BAWAH: 3 } as const;
const KUADRAN_CODE: Record<Predikat, number> = { SANGAT_BAIK: 1, BAIK: 2, BUTUH_PERBAIKAN: 3, KURANG: 4, SANGAT_KURANG: 5 };

export interface CsvFile { filename: string; body: string }

type Row = (e: Evaluation, officer: Officer | undefined, people: Map<string, Officer>) => Cell[] | null;

export function requireRegionAdmin(p: Principal): void {
  if (!hasRole(p, 'region_admin')) throw Forbidden('Exports are for the BKPSDM (region_admin)');
}

async function exportPeriod(p: Principal, period: string, opts: { field: 'period' | 'year'; agencyId?: string; header: string[]; filename: string; row: Row; penilai?: boolean }): Promise<CsvFile> {
  requireRegionAdmin(p);
  let body = BOM + csvRow(opts.header);
  let startKey: Record<string, unknown> | undefined;
  let any = false;
  do {
    const page = await pageEvaluationsOfPeriod(p.tenant, period, opts.agencyId, { limit: PAGE, startKey });
    any ||= page.items.length > 0;
    const ids = new Set(page.items.map((e) => e.officerId));
    const officers = new Map((await getOfficers(p.tenant, [...ids])).map((o) => [o.id, o]));
    const penilaiIds = opts.penilai ? [...new Set([...officers.values()].map((o) => o.supervisorId).filter((s): s is string => !!s && !officers.has(s)))] : [];
    const people = new Map([...officers, ...(await getOfficers(p.tenant, penilaiIds)).map((o): [string, Officer] => [o.id, o])]);
    for (const e of page.items) {
      const cells = opts.row(e, officers.get(e.officerId), people);
      if (cells) body += csvRow(cells);
    }
    if (Buffer.byteLength(body, 'utf8') > EXPORT_MAX_BYTES) {
      throw TooLarge('EXPORT_TOO_LARGE', `The export exceeds ${EXPORT_MAX_BYTES} bytes; export one agency at a time (agencyId=)`, [{ field: 'agencyId', message: 'Narrow the export to one agency' }]);
    }
    startKey = page.lastKey;
  } while (startKey);
  if (!any) throw Conflict(`Periode ${period} belum dievaluasi (period ${period} has not been evaluated yet)`, [{ field: opts.field, message: 'Not evaluated yet' }]);
  return { filename: opts.filename, body };
}

async function names(tenant: string) {
  const org = await getTenantOrg(tenant);
  return { agencies: new Map(org.agencies.map((a) => [a.id, a.name])), units: new Map(org.units.map((u) => [u.id, u.name])) };
}

export async function tppExport(p: Principal, q: { period: string; agencyId?: string }): Promise<CsvFile> {
  const [policy, { agencies }] = await Promise.all([loadPolicy(p.tenant), names(p.tenant)]);
  return exportPeriod(p, q.period, {
    field: 'period', agencyId: q.agencyId, filename: `tpp-${p.tenant}-${q.period}.csv`,
    header: ['nip', 'nama', 'perangkat_daerah', 'periode', 'predikat_akhir', 'potongan_tpp_persen'],
    row: (e, o) => {
      const final = finalPredikat(e);
      return [o?.nip, o?.name, agencies.get(e.agencyId) ?? e.agencyId, e.period, final, final ? (policy.tunjanganCutPercent[final] ?? 0) : null];
    },
  });
}

export async function siasnExport(p: Principal, q: { year: string; agencyId?: string }): Promise<CsvFile> {
  const { agencies, units } = await names(p.tenant);
  return exportPeriod(p, q.year, {
    field: 'year', agencyId: q.agencyId, filename: `siasn-skp-${p.tenant}-${q.year}.csv`, penilai: true,
    header: ['nip', 'nama', 'hasilKinerjaNilai', 'perilakuKerjaNilai', 'kuadranKinerjaNilai', 'penilaiNipNrp', 'penilaiNama', 'penilaiGolongan', 'penilaiJabatan', 'penilaiUnorNama', 'tahun'],
    row: (e, o, people) => {
      const final = finalPredikat(e);
      const penilai = o?.supervisorId ? people.get(o.supervisorId) : undefined;
      return [
        o?.nip, o?.name, e.hasilKerja ? RATING_CODE[e.hasilKerja] : null, e.perilaku ? RATING_CODE[e.perilaku] : null, final ? KUADRAN_CODE[final] : null,
        penilai?.nip, penilai?.name, penilai?.grade, penilai?.position,
        penilai ? (penilai.unitId ? units.get(penilai.unitId) : undefined) ?? agencies.get(penilai.agencyId) : null, q.year,
      ];
    },
  });
}

export async function angkaKreditExport(p: Principal, q: { year: string; agencyId?: string }): Promise<CsvFile> {
  const { agencies } = await names(p.tenant);
  return exportPeriod(p, q.year, {
    field: 'year', agencyId: q.agencyId, filename: `angka-kredit-${p.tenant}-${q.year}.csv`,
    header: ['nip', 'nama', 'perangkat_daerah', 'jabatan', 'tahun', 'predikat_akhir', 'koefisien', 'bulan', 'angka_kredit'],
    // The annual evaluation covers the year: 12 months at the final predikat (DESIGN §2 formula).
    row: (e, o) => {
      const final = finalPredikat(e);
      if (!o?.koefisienAk || !final) return null;
      return [o.nip, o.name, agencies.get(e.agencyId) ?? e.agencyId, o.position, q.year, final, o.koefisienAk, 12, angkaKredit(final, o.koefisienAk, 12).toFixed(2)];
    },
  });
}

// Who a document names (PermenPANRB 6/2022 annexes): the officer, the pejabat penilai (the
// supervisor) and the atasan pejabat penilai (the supervisor's supervisor), each with name, NIP,
// pangkat/golongan, jabatan and unit as the officer records hold them ("-" where a field is absent).
import { getOfficer, getOfficers, getTenantOrg, type Officer } from '../data/org-repository.js';
import { findTenant } from '../config/tenants.js';

export interface Person { name: string; nip: string; grade: string; position: string; unit: string }
export interface Identities { officer: Person; penilai: Person | null; atasan: Person | null; agencyName: string; city: string; timeZone: string }

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '-');

/** The supervisor and the supervisor's supervisor: from the stored chain in one BatchGet, else walked. */
async function chainOf(tenant: string, officer: Officer): Promise<[Officer | undefined, Officer | undefined]> {
  if (officer.ancestors) {
    const ids = officer.ancestors.slice(0, 2);
    const found = new Map((await getOfficers(tenant, ids)).map((o) => [o.id, o]));
    return [found.get(ids[0] ?? ''), found.get(ids[1] ?? '')];
  }
  const penilai = officer.supervisorId ? await getOfficer(tenant, officer.supervisorId) : undefined;
  const atasan = penilai?.supervisorId ? await getOfficer(tenant, penilai.supervisorId) : undefined;
  return [penilai, atasan];
}

/** The city a document is signed in: the tenant's name without "Kota"/"Kabupaten". */
export const cityOf = (name: string) => name.replace(/^(Kota|Kabupaten)\s+/i, '');

export async function identities(tenant: string, officer: Officer): Promise<Identities> {
  const [[penilai, atasan], org] = await Promise.all([chainOf(tenant, officer), getTenantOrg(tenant)]);
  const agencies = new Map(org.agencies.map((a) => [a.id, a.name]));
  const units = new Map(org.units.map((u) => [u.id, u.name]));
  const person = (o: Officer): Person => ({
    name: dash(o.name), nip: dash(o.nip), grade: dash(o.grade), position: dash(o.position),
    unit: [o.unitId ? units.get(o.unitId) : undefined, agencies.get(o.agencyId)].filter(Boolean).join(', ') || '-',
  });
  const config = findTenant(tenant);
  return {
    officer: person(officer), penilai: penilai ? person(penilai) : null, atasan: atasan ? person(atasan) : null,
    agencyName: dash(agencies.get(officer.agencyId)), city: cityOf(config?.name ?? tenant), timeZone: config?.timeZone ?? 'Asia/Jakarta',
  };
}

const MONTHS_ID = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "15 Januari 2025" for an instant, in the tenant's zone. */
export function tanggal(at: Date | string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return `${get('day')} ${MONTHS_ID[get('month') - 1]} ${get('year')}`;
}

/** "Januari 2025", "Triwulan I 2025", "Tahun 2025" for a period. */
export function periodLabel(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${MONTHS_ID[Number(month[2]) - 1]} ${month[1]}`;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `Triwulan ${['I', 'II', 'III', 'IV'][Number(quarter[2]) - 1]} ${quarter[1]}`;
  return `Tahun ${period}`;
}

// Seeds the four cities' agencies (OPD), service units and ~1,000 officers with valid NIPs and
// supervisor chains four levels deep, plus the demo users of every role.
import { formatNip } from '../../../functions/domain/nip.js';
import { chainItems, nipItem, officerItem, type Officer, type Unit } from '../../../functions/data/org-repository.js';
import { computeAncestors } from '../../../functions/domain/chain.js';
import { batchPut } from '../../../functions/data/batch.js';
import * as keys from '../../../functions/data/keys.js';
import type { DevUser, SeedContext, SeededTenant, Seeder } from './context.js';
import type { Rng } from './prng.js';
import { AGENCY_TEMPLATES, DEGREES, FIRST_NAMES_F, FIRST_NAMES_M, LAST_NAMES, TENANT_NAMES } from './names.js';

const STAFF_TITLES: Record<string, string[]> = {
  kesehatan: ['Perawat Ahli Pertama', 'Bidan Terampil', 'Dokter Ahli Pertama', 'Pranata Laboratorium Kesehatan', 'Sanitarian Terampil', 'Nutrisionis', 'Administrator Kesehatan'],
  pendidikan: ['Guru Ahli Pertama', 'Guru Ahli Muda', 'Pengawas Sekolah', 'Penata Layanan Operasional', 'Pamong Budaya'],
  perizinan: ['Penata Perizinan', 'Analis Perizinan', 'Penelaah Teknis Kebijakan', 'Pengadministrasi Perkantoran'],
  pupr: ['Teknik Jalan dan Jembatan', 'Teknik Pengairan', 'Penata Ruang', 'Pengawas Konstruksi', 'Juru Ukur'],
  dukcapil: ['Administrator Database Kependudukan', 'Operator Layanan Operasional', 'Pengadministrasi Registrasi', 'Verifikator Data Kependudukan'],
  kepegawaian: ['Analis Sumber Daya Manusia Aparatur', 'Pranata Komputer', 'Asesor SDM Aparatur', 'Pengelola Data Kepegawaian'],
  kewilayahan: ['Pengadministrasi Umum', 'Penata Layanan Operasional', 'Analis Kebijakan', 'Pengelola Layanan Kependudukan'],
  sosial: ['Pekerja Sosial Ahli Pertama', 'Penyuluh Sosial', 'Pendamping Rehabilitasi Sosial', 'Pengelola Data Bantuan Sosial'],
  perhubungan: ['Penguji Kendaraan Bermotor', 'Pengawas Lalu Lintas'],
};
const HEAD_TITLE: Record<string, string> = { puskesmas: 'Kepala', sekolah: 'Kepala Sekolah', loket: 'Koordinator Layanan' };

function person(rng: Rng, usedNips: Set<string>, level: 'head' | 'mid' | 'staff'): Pick<Officer, 'nip' | 'name'> {
  const female = rng.chance(0.5);
  const first = rng.pick(female ? FIRST_NAMES_F : FIRST_NAMES_M);
  const name = `${first} ${rng.pick(LAST_NAMES)}${(() => { const d = rng.pick(DEGREES); return d ? `, ${d}` : ''; })()}`;
  const birthYear = level === 'head' ? rng.int(1966, 1976) : level === 'mid' ? rng.int(1972, 1986) : rng.int(1978, 2000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const birth = `${birthYear}-${pad(rng.int(1, 12))}-${pad(rng.int(1, 28))}`;
  const tmt = `${Math.min(2024, birthYear + rng.int(22, 30))}-${pad(rng.int(1, 12))}`;
  for (let seq = rng.int(1, 9); ; seq++) {
    const nip = formatNip({ birthDate: birth, tmt, gender: female ? 'P' : 'L', sequence: seq });
    if (!usedNips.has(nip)) { usedNips.add(nip); return { nip, name }; }
  }
}

/** A demo address on the reserved .example domain, so the daily pass's e-mails land in the local outbox. */
function demoEmail({ nip, name }: Pick<Officer, 'nip' | 'name'>, tenant: string): string {
  const local = name.split(',')[0]!.toLowerCase().normalize('NFD').replace(/[^a-z ]/g, '').trim().split(/\s+/).join('.');
  return `${local}.${nip.slice(-4)}@${tenant}.kinerja.example`;
}

function buildTenant(ctx: SeedContext, tenantIndex: number): { seeded: SeededTenant; users: DevUser[] } {
  const tenant = ctx.tenantConfigs[tenantIndex];
  const rng = ctx.rng.fork(`org:${tenant.id}`);
  const names = TENANT_NAMES[tenant.id] ?? { city: tenant.name, puskesmas: [`Puskesmas ${tenant.name}`], schools: [`SDN 1 ${tenant.name}`], kecamatan: [tenant.name] };
  const templates = AGENCY_TEMPLATES.slice(0, tenant.id === 'banjarbaru' || tenant.id === 'serang' ? 8 : 7);
  const usedNips = ctx.usedNips;
  const seeded: SeededTenant = { tenant, agencies: [], units: [], officers: [] };
  const newId = () => `ofc_${rng.hex(8)}`;
  const add = (o: Omit<Officer, 'id' | 'nip' | 'name'>, level: 'head' | 'mid' | 'staff') => {
    const who = person(rng, usedNips, level);
    const officer: Officer = { id: newId(), ...who, email: demoEmail(who, tenant.id), ...o };
    seeded.officers.push(officer);
    return officer;
  };

  for (const tpl of templates) {
    const isKec = tpl.kind === 'kewilayahan';
    const agencyId = isKec ? `kec-${names.kecamatan[0].toLowerCase().replace(/[^a-z]+/g, '-')}` : tpl.id;
    const agencyName = isKec ? `Kecamatan ${names.kecamatan[0]}` : tpl.name;
    seeded.agencies.push({ id: agencyId, name: agencyName, shortName: isKec ? `Kec. ${names.kecamatan[0]}` : tpl.shortName, kind: tpl.kind, templateKind: tpl.kind });
    const units: Unit[] = tpl.units(names).map((u, i) => ({ id: `${agencyId}-u${i + 1}`, agencyId, ...u }));
    seeded.units.push(...units);
    const titles = STAFF_TITLES[tpl.kind];
    const grade = (level: 'head' | 'kabid' | 'kasi' | 'staff') =>
      level === 'head' ? rng.pick(['IV/c', 'IV/b']) : level === 'kabid' ? rng.pick(['IV/a', 'IV/b']) : level === 'kasi' ? rng.pick(['III/d', 'IV/a']) : rng.pick(['III/a', 'III/b', 'III/c', 'II/c', 'II/d', 'IX']);
    const head = add({ position: isKec ? `Camat ${names.kecamatan[0]}` : `Kepala ${tpl.name}`, grade: grade('head'), agencyId, unitId: null, supervisorId: null }, 'head');
    const sekretaris = add({ position: isKec ? 'Sekretaris Kecamatan' : `Sekretaris ${tpl.shortName}`, grade: grade('kabid'), agencyId, unitId: null, supervisorId: head.id }, 'mid');
    const kasubbag = add({ position: 'Kepala Subbagian Umum dan Kepegawaian', grade: grade('kasi'), agencyId, unitId: null, supervisorId: sekretaris.id }, 'mid');
    for (let i = 0; i < rng.int(2, 3); i++) add({ position: rng.pick(['Pengadministrasi Perkantoran', 'Analis Keuangan', 'Pengelola Barang Milik Daerah']), grade: grade('staff'), agencyId, unitId: null, supervisorId: kasubbag.id }, 'staff');
    const kabids = tpl.bidang.map((b) => add({ position: isKec ? b.replace('Seksi', 'Kepala Seksi') : `Kepala ${b}`, grade: grade('kabid'), agencyId, unitId: null, supervisorId: head.id }, 'mid'));
    for (const kabid of kabids) {
      for (let k = 0; k < (isKec ? 1 : 2); k++) {
        const kasi = add({ position: rng.pick(['Ketua Tim Kerja', 'Kepala Seksi', 'Koordinator Substansi']), grade: grade('kasi'), agencyId, unitId: null, supervisorId: kabid.id }, 'mid');
        for (let s = 0; s < rng.int(2, 3); s++) add({ position: rng.pick(titles), grade: grade('staff'), agencyId, unitId: null, supervisorId: kasi.id }, 'staff');
      }
    }
    for (const unit of units) {
      const unitHead = add({ position: `${HEAD_TITLE[unit.kind] ?? 'Kepala'} ${unit.name}`, grade: grade('kasi'), agencyId, unitId: unit.id, supervisorId: kabids[0].id }, 'mid');
      for (let s = 0; s < rng.int(2, 5); s++) add({ position: rng.pick(titles), grade: grade('staff'), agencyId, unitId: unit.id, supervisorId: unitHead.id }, 'staff');
    }
  }

  // Demo users: one per role, chosen from the org chart so their powers are real.
  const t = tenant.id;
  const bkpsdmKabid = seeded.officers.find((o) => o.agencyId === 'bkpsdm' && o.position.includes('Penilaian Kinerja')) ?? seeded.officers[0];
  const dinkesSek = seeded.officers.find((o) => o.agencyId === 'dinkes' && o.position.startsWith('Sekretaris'))!;
  const atasan = seeded.officers.find((o) => o.agencyId === 'dinkes' && o.unitId && o.position.startsWith('Kepala'))!;
  const pegawai = seeded.officers.find((o) => o.supervisorId === atasan.id)!;
  // Granted roles live on the officer (read at request time, functions/http/principal.ts).
  bkpsdmKabid.roles = ['region_admin'];
  dinkesSek.roles = ['agency_admin'];
  const user = (suffix: string, name: string, roles: string[], o: Officer | null): DevUser => ({ username: `${t}.${suffix}`, name, tenant: t, roles, officerId: o?.id ?? null, agencyId: o?.agencyId ?? null });
  const users = [
    user('admin', `${bkpsdmKabid.name} (BKPSDM)`, ['region_admin', 'officer', 'supervisor'], bkpsdmKabid),
    user('pimpinan', `Pimpinan ${names.city}`, ['leader'], null),
    user('inspektur', `Inspektur ${names.city} (Inspektorat)`, ['inspector'], null),
    user('opd', `${dinkesSek.name} (Sekretaris Dinkes)`, ['agency_admin', 'officer', 'supervisor'], dinkesSek),
    user('atasan', atasan.name, ['officer', 'supervisor'], atasan),
    user('pegawai', pegawai.name, ['officer'], pegawai),
  ];
  return { seeded, users };
}

export const orgSeeder: Seeder = {
  name: 'organisation',
  run: async (ctx) => {
    for (let i = 0; i < ctx.tenantConfigs.length; i++) {
      const { seeded, users } = buildTenant(ctx, i);
      ctx.tenants.push(seeded);
      ctx.users.push(...users);
    }
    ctx.users.push({ username: 'nasional', name: 'Analis Kinerja BKN (nasional)', tenant: 'national', roles: ['national'], officerId: null, agencyId: null });
    const now = ctx.now.toISOString();
    const items: Record<string, unknown>[] = [];
    for (const { tenant, agencies, units, officers } of ctx.tenants) {
      for (const { templateKind: _k, ...a } of agencies) items.push({ ...keys.agency(tenant.id, a.id), type: 'agency', ...a });
      for (const u of units) items.push({ ...keys.unit(tenant.id, u.id), type: 'unit', ...u });
      const ancestors = computeAncestors(new Map(officers.map((o) => [o.id, o.supervisorId])));
      for (const o of officers) {
        o.ancestors = ancestors.get(o.id) ?? [];
        items.push(officerItem(tenant.id, o, now), nipItem(tenant.id, o), ...chainItems(tenant.id, o));
      }
      const admins = officers.filter((o) => o.roles?.includes('region_admin')).map((o) => o.id);
      if (admins.length) items.push({ ...keys.regionAdmins(tenant.id), type: 'regionAdmins', officerIds: new Set(admins) });
    }
    for (const u of ctx.users) items.push({ PK: 'LOCAL#DEVUSERS', SK: u.username, type: 'devUser', ...u });
    await batchPut(items, { concurrency: 8 });
    ctx.progress(`organisation: ${ctx.tenants.length} tenants, ${ctx.tenants.reduce((n, t) => n + t.agencies.length, 0)} agencies, ${ctx.tenants.reduce((n, t) => n + t.officers.length, 0)} officers`);
  },
};

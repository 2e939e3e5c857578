// Vocabulary for demo organisations and people.
export const FIRST_NAMES_M = ['Ahmad', 'Muhammad', 'Budi', 'Agus', 'Eko', 'Hendra', 'Rizky', 'Wahyu', 'Joko', 'Bambang', 'Teguh', 'Rahmat', 'Fauzan', 'Yusuf', 'Hasan', 'Rudi', 'Gusti', 'Arif', 'Dedi', 'Irfan', 'Fajar', 'Hadi', 'Surya', 'Andi', 'Taufik', 'Iwan', 'Syahrani', 'Rahmadi', 'Aliansyah', 'Zainal'] as const;
export const FIRST_NAMES_F = ['Siti', 'Nur', 'Dewi', 'Rina', 'Sri', 'Fitri', 'Yuni', 'Dian', 'Indah', 'Ratna', 'Aulia', 'Nabila', 'Putri', 'Ayu', 'Mahmudah', 'Lina', 'Wulan', 'Rahmah', 'Novi', 'Maya', 'Eka', 'Annisa', 'Hj. Noor', 'Rosita', 'Yulia', 'Intan', 'Kartika', 'Mega', 'Tri', 'Diah'] as const;
export const LAST_NAMES = ['Saputra', 'Wijaya', 'Pratama', 'Hidayat', 'Kurniawan', 'Santoso', 'Susanti', 'Lestari', 'Rahmawati', 'Nugroho', 'Setiawan', 'Hakim', 'Ramadhan', 'Anggraini', 'Permata', 'Syahputra', 'Fitriani', 'Maulana', 'Firmansyah', 'Purnomo', 'Normansyah', 'Rahman', 'Hairani', 'Mulyadi', 'Suryani', 'Hartono', 'Wibowo', 'Handayani', 'Kusuma', 'Sari'] as const;
export const DEGREES = ['', '', '', 'S.Kom.', 'S.E.', 'S.H.', 'S.Sos.', 'S.AP.', 'M.Si.', 'S.T.', 'S.Pd.', 'S.Kep.', 'A.Md.'] as const;

export interface AgencyTemplate {
  id: string;
  name: string;
  shortName: string;
  kind: 'kesehatan' | 'pendidikan' | 'perizinan' | 'pupr' | 'dukcapil' | 'kepegawaian' | 'kewilayahan' | 'sosial' | 'perhubungan';
  units: (tenant: TenantNames) => { name: string; kind: string; yearlyServiceUsers?: number }[];
  bidang: string[];
}

export interface TenantNames { city: string; puskesmas: string[]; schools: string[]; kecamatan: string[] }

export const TENANT_NAMES: Record<string, TenantNames> = {
  banjarbaru: { city: 'Banjarbaru', puskesmas: ['Puskesmas Banjarbaru', 'Puskesmas Guntung Payung', 'Puskesmas Cempaka', 'Puskesmas Landasan Ulin'], schools: ['SDN 1 Guntung Manggis', 'SMPN 1 Banjarbaru', 'SMPN 4 Banjarbaru'], kecamatan: ['Landasan Ulin', 'Cempaka', 'Banjarbaru Utara'] },
  serang: { city: 'Serang', puskesmas: ['Puskesmas Ciracas', 'Puskesmas Kilasah', 'Puskesmas Singandaru', 'Puskesmas Rau'], schools: ['SDN 2 Serang', 'SMPN 1 Kota Serang', 'SMPN 12 Kota Serang'], kecamatan: ['Taktakan', 'Cipocok Jaya', 'Kasemen'] },
  'tanjung-selor': { city: 'Tanjung Selor', puskesmas: ['Puskesmas Tanjung Selor', 'Puskesmas Sungai Jelai', 'Puskesmas Tanjung Palas'], schools: ['SDN 001 Tanjung Selor', 'SMPN 1 Tanjung Selor'], kecamatan: ['Tanjung Selor Hilir', 'Tanjung Selor Hulu'] },
  mulyorejo: { city: 'Mulyorejo', puskesmas: ['Puskesmas Mulyorejo', 'Puskesmas Kalijudan'], schools: ['SDN Kalisari I', 'SMPN 30 Surabaya', 'SDN Manyar Sabrangan'], kecamatan: ['Kalisari', 'Kejawan Putih Tambak', 'Dukuh Sutorejo'] },
};

export const AGENCY_TEMPLATES: AgencyTemplate[] = [
  { id: 'dinkes', name: 'Dinas Kesehatan', shortName: 'Dinkes', kind: 'kesehatan', bidang: ['Bidang Pelayanan Kesehatan', 'Bidang Pencegahan dan Pengendalian Penyakit', 'Bidang Kesehatan Masyarakat'],
    units: (t) => t.puskesmas.map((name, i) => ({ name, kind: 'puskesmas', yearlyServiceUsers: [24000, 15000, 9000, 6000][i] ?? 5000 })) },
  { id: 'disdikbud', name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Disdikbud', kind: 'pendidikan', bidang: ['Bidang Pembinaan SD', 'Bidang Pembinaan SMP', 'Bidang Kebudayaan'],
    units: (t) => t.schools.map((name) => ({ name, kind: 'sekolah', yearlyServiceUsers: 900 })) },
  { id: 'dpmptsp', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', shortName: 'DPMPTSP', kind: 'perizinan', bidang: ['Bidang Pelayanan Perizinan', 'Bidang Penanaman Modal'],
    units: () => [{ name: 'Loket Perizinan Mal Pelayanan Publik', kind: 'loket', yearlyServiceUsers: 12000 }, { name: 'Layanan Perizinan Online (OSS)', kind: 'loket', yearlyServiceUsers: 6000 }] },
  { id: 'pupr', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', shortName: 'PUPR', kind: 'pupr', bidang: ['Bidang Bina Marga', 'Bidang Sumber Daya Air', 'Bidang Penataan Ruang'],
    units: () => [{ name: 'Layanan Advis Teknis dan PBG', kind: 'loket', yearlyServiceUsers: 1500 }] },
  { id: 'disdukcapil', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', kind: 'dukcapil', bidang: ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil'],
    units: () => [{ name: 'Loket KTP-el dan KK', kind: 'loket', yearlyServiceUsers: 30000 }, { name: 'Loket Akta Kelahiran', kind: 'loket', yearlyServiceUsers: 8000 }] },
  { id: 'bkpsdm', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', shortName: 'BKPSDM', kind: 'kepegawaian', bidang: ['Bidang Mutasi dan Promosi', 'Bidang Pengembangan Kompetensi', 'Bidang Penilaian Kinerja'],
    units: () => [{ name: 'Layanan Administrasi Kepegawaian', kind: 'loket', yearlyServiceUsers: 2500 }] },
  { id: 'dinsos', name: 'Dinas Sosial', shortName: 'Dinsos', kind: 'sosial', bidang: ['Bidang Perlindungan dan Jaminan Sosial', 'Bidang Rehabilitasi Sosial'],
    units: () => [{ name: 'Layanan Bantuan Sosial', kind: 'loket', yearlyServiceUsers: 5000 }] },
  { id: 'kecamatan', name: 'Kecamatan', shortName: 'Kec.', kind: 'kewilayahan', bidang: ['Seksi Pemerintahan', 'Seksi Pelayanan Umum'],
    units: () => [{ name: 'Pelayanan Administrasi Terpadu Kecamatan (PATEN)', kind: 'loket', yearlyServiceUsers: 7000 }] },
];

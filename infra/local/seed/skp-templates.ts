// Demo SKP vocabulary: realistic RHK and indicators per agency kind (what a BKPSDM would recognise),
// plus feedback sentences for reviews. Targets are monthly.
import type { Aspect, IndicatorSource, RhkKind } from '../../../functions/domain/types.js';

export interface IndicatorTemplate { name: string; aspect: Aspect; target: number; unit: string; source?: IndicatorSource }
export interface RhkTemplate { title: string; indicators: IndicatorTemplate[] }

const k = (name: string, target: number, unit: string): IndicatorTemplate => ({ name, aspect: 'kuantitas', target, unit });
const q = (name: string, target: number, unit: string): IndicatorTemplate => ({ name, aspect: 'kualitas', target, unit });
const w = (name: string, target: number, unit: string): IndicatorTemplate => ({ name, aspect: 'waktu', target, unit });
const b = (name: string, target: number, unit: string): IndicatorTemplate => ({ name, aspect: 'biaya', target, unit });

/** Main work per agency kind (templateKind of the org seed). */
export const UTAMA_BY_KIND: Record<string, RhkTemplate[]> = {
  kesehatan: [
    { title: 'Terlaksananya pelayanan kesehatan dasar di puskesmas', indicators: [k('Jumlah kunjungan pasien yang dilayani', 320, 'kunjungan'), w('Rata-rata waktu tunggu pasien', 30, 'menit')] },
    { title: 'Meningkatnya cakupan imunisasi dasar lengkap', indicators: [k('Bayi yang mendapat imunisasi dasar lengkap', 40, 'bayi')] },
    { title: 'Terlaksananya pemeriksaan laboratorium', indicators: [k('Sampel laboratorium diperiksa', 180, 'sampel'), q('Hasil pemeriksaan tanpa pengulangan', 98, '%')] },
    { title: 'Terlaksananya kunjungan rumah keluarga sehat', indicators: [k('Keluarga yang dikunjungi', 60, 'keluarga')] },
  ],
  pendidikan: [
    { title: 'Terlaksananya pembelajaran sesuai kurikulum', indicators: [k('Jam tatap muka terlaksana', 96, 'JP'), q('Peserta didik tuntas KKM', 85, '%')] },
    { title: 'Tersusunnya perangkat dan asesmen pembelajaran', indicators: [k('Modul ajar disusun', 4, 'dokumen'), w('Penyerahan nilai ke operator', 5, 'hari')] },
    { title: 'Terlaksananya supervisi sekolah binaan', indicators: [k('Sekolah disupervisi', 6, 'sekolah')] },
  ],
  perizinan: [
    { title: 'Terselesaikannya permohonan perizinan berusaha', indicators: [k('Permohonan izin diproses', 120, 'berkas'), w('Rata-rata waktu penyelesaian izin', 5, 'hari kerja')] },
    { title: 'Terverifikasinya dokumen persyaratan izin', indicators: [k('Berkas diverifikasi', 150, 'berkas'), q('Berkas lengkap tanpa pengembalian', 90, '%')] },
    { title: 'Terlaksananya pendampingan OSS bagi pelaku usaha', indicators: [k('Pelaku usaha didampingi', 45, 'pelaku usaha')] },
  ],
  pupr: [
    { title: 'Terbangunnya jalan lingkungan sesuai rencana', indicators: [k('Panjang jalan yang dibangun/ditingkatkan', 1.5, 'km'), b('Biaya per kilometer jalan', 2400, 'juta rupiah')] },
    { title: 'Terserapnya anggaran kegiatan fisik', indicators: [q('Realisasi serapan anggaran terhadap rencana bulanan', 95, '%'), w('Keterlambatan laporan progres fisik', 3, 'hari')] },
    { title: 'Terlaksananya pengawasan konstruksi', indicators: [k('Paket pekerjaan diawasi', 8, 'paket')] },
    { title: 'Terpeliharanya saluran drainase kota', indicators: [k('Panjang saluran dinormalisasi', 2.5, 'km')] },
  ],
  dukcapil: [
    { title: 'Tercetaknya KTP-el bagi penduduk wajib KTP', indicators: [k('KTP-el diterbitkan', 600, 'keping'), w('Waktu penerbitan KTP-el', 1, 'hari')] },
    { title: 'Terbitnya dokumen pencatatan sipil', indicators: [k('Akta kelahiran diterbitkan', 250, 'akta'), q('Dokumen terbit tanpa perbaikan data', 99, '%')] },
    { title: 'Termutakhirkannya basis data kependudukan', indicators: [k('Data penduduk dimutakhirkan', 900, 'rekam')] },
  ],
  kepegawaian: [
    { title: 'Terselesaikannya layanan administrasi kepegawaian', indicators: [k('Usulan kenaikan pangkat diproses', 40, 'usulan'), w('Waktu proses usulan', 7, 'hari kerja')] },
    { title: 'Terlaksananya pengembangan kompetensi ASN', indicators: [k('ASN difasilitasi pelatihan', 35, 'orang')] },
    { title: 'Termonitornya penilaian kinerja ASN', indicators: [q('Perangkat daerah yang menyampaikan SKP tepat waktu', 90, '%')] },
  ],
  kewilayahan: [
    { title: 'Terlaksananya pelayanan administrasi terpadu kecamatan', indicators: [k('Surat keterangan dan rekomendasi diterbitkan', 140, 'surat'), w('Waktu layanan surat', 1, 'hari')] },
    { title: 'Terfasilitasinya musyawarah dan pembinaan kelurahan', indicators: [k('Kegiatan pembinaan kelurahan', 6, 'kegiatan')] },
  ],
  sosial: [
    { title: 'Tersalurkannya bantuan sosial tepat sasaran', indicators: [k('Keluarga penerima manfaat diverifikasi', 200, 'KPM'), q('Data DTKS valid', 95, '%')] },
    { title: 'Terlaksananya rehabilitasi sosial', indicators: [k('PMKS yang ditangani', 25, 'orang'), w('Waktu respon rujukan', 2, 'hari')] },
  ],
  perhubungan: [
    { title: 'Terlaksananya uji kendaraan bermotor', indicators: [k('Kendaraan diuji', 300, 'unit')] },
  ],
};

/** Secretariat staff (no unit, administrative positions). */
export const UTAMA_ADMIN: RhkTemplate[] = [
  { title: 'Tertib administrasi keuangan perangkat daerah', indicators: [k('SPJ diverifikasi', 60, 'dokumen'), w('Penyampaian laporan keuangan bulanan', 5, 'hari kerja')] },
  { title: 'Terkelolanya barang milik daerah', indicators: [k('Aset diinventarisasi', 120, 'item'), q('Kesesuaian data aset', 97, '%')] },
  { title: 'Terlaksananya pengelolaan persuratan dan kearsipan', indicators: [k('Surat diagendakan dan diarsipkan', 200, 'surat')] },
];

/** Leaders of an agency, field or team. */
export const UTAMA_LEAD: RhkTemplate[] = [
  { title: 'Tercapainya target kinerja bidang/perangkat daerah', indicators: [q('Capaian indikator kinerja utama', 100, '%'), b('Realisasi anggaran terhadap pagu bulanan', 100, '%')] },
  { title: 'Terlaksananya pembinaan dan pengendalian tim', indicators: [k('Rapat evaluasi kinerja tim', 4, 'kali'), w('Penyelesaian disposisi pimpinan', 3, 'hari')] },
];

/** Service-unit heads answer for their unit's public satisfaction (source: ikm). */
export const UTAMA_UNIT_HEAD: RhkTemplate = {
  title: 'Meningkatnya kepuasan masyarakat atas layanan unit',
  indicators: [{ name: 'Indeks Kepuasan Masyarakat unit', aspect: 'kualitas', target: 82, unit: 'indeks', source: 'ikm' }, k('Pengaduan masyarakat ditindaklanjuti', 10, 'pengaduan')],
};

export const TAMBAHAN: RhkTemplate[] = [
  { title: 'Menjadi narasumber/pemateri kegiatan internal', indicators: [k('Kegiatan sebagai narasumber', 1, 'kegiatan')] },
  { title: 'Berpartisipasi dalam tim reformasi birokrasi', indicators: [k('Rapat tim RB diikuti', 2, 'rapat')] },
  { title: 'Mengelola konten media sosial perangkat daerah', indicators: [k('Konten informasi publik diunggah', 8, 'konten')] },
  { title: 'Menjadi anggota tim zona integritas', indicators: [k('Dokumen bukti dukung ZI disusun', 3, 'dokumen')] },
];

export const FEEDBACK: Record<'high' | 'good' | 'low' | 'conduct', string[]> = {
  high: ['Kinerja sangat baik, target terlampaui. Pertahankan dan bagikan praktik baik kepada tim.', 'Hasil kerja melampaui target dengan kualitas tinggi. Terima kasih atas dedikasinya.', 'Luar biasa, inisiatif dan kolaborasinya patut dicontoh.'],
  good: ['Kinerja sesuai target. Terus tingkatkan ketepatan waktu pelaporan.', 'Hasil kerja baik dan sesuai rencana. Lengkapi bukti dukung pada bulan berikutnya.', 'Sudah sesuai ekspektasi, pertahankan konsistensi.', 'Target tercapai, tingkatkan koordinasi dengan rekan satu tim.'],
  low: ['Capaian di bawah target. Mari susun rencana perbaikan bersama minggu depan.', 'Beberapa indikator belum tercapai; perhatikan prioritas pekerjaan dan laporkan kendala lebih awal.', 'Perlu peningkatan. Ikuti pendampingan dan evaluasi mingguan dengan atasan.'],
  conduct: ['Hasil kerja tercapai, namun perilaku kerja perlu dibina: kedisiplinan dan kerja sama tim harus diperbaiki.', 'Terdapat catatan perilaku (ketidakhadiran tanpa keterangan). Wajib mengikuti pembinaan.'],
};

export const RETURN_FEEDBACK = [
  'Bukti dukung belum dilampirkan untuk indikator utama; mohon lengkapi tautan dokumen.',
  'Angka realisasi tidak sesuai dengan rekap aplikasi; mohon periksa kembali dan kirim ulang.',
  'Catatan kendala belum diisi untuk indikator yang tidak tercapai.',
];

export type { RhkKind };

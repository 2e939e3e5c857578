// Every screen is its own lazily loaded chunk, so the first load carries only the shell.
import type { RouteDef } from './lib/router.svelte.js';

export const ROUTES: RouteDef[] = [
  { pattern: '/masuk', load: () => import('./views/SignIn.svelte'), public: true },
  { pattern: '/kota', load: () => import('./views/City.svelte') },
  { pattern: '/opd/:agencyId', load: () => import('./views/Agency.svelte') },
  { pattern: '/pegawai/:officerId', load: () => import('./views/Officer.svelte') },
  { pattern: '/nasional', load: () => import('./views/National.svelte') },
  { pattern: '/laporan', load: () => import('./views/ReportForm.svelte') },
  { pattern: '/review', load: () => import('./views/ReviewQueue.svelte') },
  { pattern: '/panduan', load: () => import('./views/Guide.svelte') },
  { pattern: '/skp/:officerId/:year', load: () => import('./views/skp/Skp.svelte') },
  { pattern: '/tim', load: () => import('./views/Team.svelte') },
  { pattern: '/keberatan', load: () => import('./views/Objections.svelte') },
  { pattern: '/pelatihan', load: () => import('./views/Training.svelte') },
  { pattern: '/kunjungan', load: () => import('./views/Visits.svelte') },
  { pattern: '/daftar-catatan', load: () => import('./views/FlaggedOfficers.svelte') },
  { pattern: '/admin/evaluasi', load: () => import('./views/admin/Evaluation.svelte') },
  { pattern: '/admin/impor', load: () => import('./views/admin/Import.svelte') },
  { pattern: '/admin/pengaduan', load: () => import('./views/admin/Complaints.svelte') },
  { pattern: '/admin/poster', load: () => import('./views/admin/Poster.svelte') },
  { pattern: '/admin/kebijakan', load: () => import('./views/admin/Policy.svelte') },
  { pattern: '/admin/opd', load: () => import('./views/admin/Organisation.svelte') },
  { pattern: '/admin/pegawai', load: () => import('./views/admin/Officers.svelte') },
  { pattern: '/survei/:tenant/:unitId', load: () => import('./views/public/Survey.svelte'), public: true },
  { pattern: '/pengaduan', load: () => import('./views/public/ComplaintForm.svelte'), public: true },
  { pattern: '/lacak/:code?', load: () => import('./views/public/Track.svelte'), public: true },
];

// UI strings of the documents (PDF downloads, the agency bundle), the awards admin screen and the
// public recognition list. Bahasa Indonesia is the source; English mirrors every key.
export const id = {
  'doc.skp': 'Unduh SKP (PDF)', 'doc.evaluation': 'Unduh PDF', 'doc.evaluationOf': 'Unduh dokumen evaluasi {period} (PDF)',
  'doc.busy': 'Menyiapkan…', 'doc.failed': 'Dokumen tidak dapat diunduh: {reason}', 'doc.certificate': 'Unduh piagam (PDF)',
  'doc.bundle.title': 'Dokumen evaluasi OPD', 'doc.bundle.help': 'Semua dokumen evaluasi satu OPD untuk satu periode dalam satu berkas ZIP (paling banyak 100 dokumen per berkas; berkas berikutnya lewat tombol lanjutan).',
  'doc.bundle.agency': 'OPD', 'doc.bundle.period': 'Periode (YYYY-MM)', 'doc.bundle.download': 'Unduh ZIP', 'doc.bundle.next': 'Unduh 100 berikutnya',
  'doc.bundle.done': '{n} dokumen diunduh.', 'doc.bundle.pick': '— pilih OPD —',
  'awards.nav': 'Penghargaan', 'awards.title': 'Penghargaan pegawai', 'awards.subtitle': 'Konfirmasi kandidat penghargaan kinerja dan berikan penghargaan inovasi.',
  'awards.candidates': 'Kandidat penghargaan kinerja', 'awards.candidatesHelp': 'Pegawai dengan rekomendasi AWARD_CANDIDATE pada evaluasi periode ini.',
  'awards.period': 'Periode evaluasi', 'awards.noCandidates': 'Tidak ada kandidat pada periode ini.', 'awards.confirm': 'Konfirmasi',
  'awards.titleField': 'Judul penghargaan', 'awards.citation': 'Kutipan (alasan penghargaan)', 'awards.give': 'Berikan penghargaan',
  'awards.inovasi': 'Penghargaan inovasi', 'awards.inovasiHelp': 'Penghargaan inovasi tidak memerlukan kandidasi.', 'awards.pickOfficer': 'Cari pegawai (nama atau NIP)',
  'awards.chosen': 'Pegawai: {name}', 'awards.given': 'Penghargaan untuk {name} tersimpan.', 'awards.list': 'Penghargaan yang diberikan', 'awards.none': 'Belum ada penghargaan.',
  'awards.kind.kinerja': 'Kinerja', 'awards.kind.inovasi': 'Inovasi', 'awards.col.kind': 'Jenis', 'awards.col.award': 'Penghargaan', 'awards.awarded': 'Sudah diberikan',
  'recognition.title': 'Daftar penghargaan {city} {year}', 'recognition.intro': 'Aparatur sipil negara yang menerima penghargaan kinerja dan inovasi dari pemerintah daerah.',
  'recognition.empty': 'Belum ada penghargaan pada tahun ini.', 'recognition.error': 'Daftar penghargaan tidak dapat dimuat.', 'recognition.year': 'Tahun',
};

export const en: Record<keyof typeof id, string> = {
  'doc.skp': 'Download SKP (PDF)', 'doc.evaluation': 'Download PDF', 'doc.evaluationOf': 'Download the {period} evaluation document (PDF)',
  'doc.busy': 'Preparing…', 'doc.failed': 'The document could not be downloaded: {reason}', 'doc.certificate': 'Download certificate (PDF)',
  'doc.bundle.title': 'Agency evaluation documents', 'doc.bundle.help': 'All evaluation documents of one agency for one period in one ZIP file (at most 100 documents per file; the next file through the follow-up button).',
  'doc.bundle.agency': 'Agency', 'doc.bundle.period': 'Period (YYYY-MM)', 'doc.bundle.download': 'Download ZIP', 'doc.bundle.next': 'Download the next 100',
  'doc.bundle.done': '{n} documents downloaded.', 'doc.bundle.pick': '— choose an agency —',
  'awards.nav': 'Awards', 'awards.title': 'Officer awards', 'awards.subtitle': 'Confirm performance award candidates and give innovation awards.',
  'awards.candidates': 'Performance award candidates', 'awards.candidatesHelp': 'Officers with an AWARD_CANDIDATE recommendation in this period\'s evaluation.',
  'awards.period': 'Evaluation period', 'awards.noCandidates': 'No candidates in this period.', 'awards.confirm': 'Confirm',
  'awards.titleField': 'Award title', 'awards.citation': 'Citation (why the award)', 'awards.give': 'Give award',
  'awards.inovasi': 'Innovation award', 'awards.inovasiHelp': 'An innovation award needs no candidacy.', 'awards.pickOfficer': 'Find an officer (name or NIP)',
  'awards.chosen': 'Officer: {name}', 'awards.given': 'Award for {name} saved.', 'awards.list': 'Awards given', 'awards.none': 'No awards yet.',
  'awards.kind.kinerja': 'Performance', 'awards.kind.inovasi': 'Innovation', 'awards.col.kind': 'Kind', 'awards.col.award': 'Award', 'awards.awarded': 'Awarded',
  'recognition.title': '{city} awards {year}', 'recognition.intro': 'Civil servants who received performance and innovation awards from the local government.',
  'recognition.empty': 'No awards this year yet.', 'recognition.error': 'The awards list could not be loaded.', 'recognition.year': 'Year',
};

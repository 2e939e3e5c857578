// UI strings of the complaint steps (SP4N-LAPOR!): inbox actions, causes, deadlines, tracking steps.
// Bahasa Indonesia is the source; English mirrors every key.
export const id = {
  'complaints.status.VERIFIED': 'Diverifikasi', 'complaints.status.REJECTED': 'Ditolak',
  'complaints.verify': 'Verifikasi', 'complaints.reject': 'Tolak', 'complaints.rejectReason': 'Alasan penolakan (terlihat oleh pelapor)',
  'complaints.rejectHelp': 'Misalnya: bukan kewenangan pemerintah kota, duplikat, atau tidak ada substansi.',
  'complaints.startWork': 'Mulai tindak lanjut', 'complaints.sendAnswer': 'Kirim jawaban', 'complaints.close': 'Tutup',
  'complaints.cause': 'Penyebab', 'complaints.causePick': '— pilih penyebab —', 'complaints.substantiated': 'Pengaduan terbukti',
  'complaints.substantiatedHelp': 'Pengaduan terbukti tentang petugas masuk ke evaluasi kinerjanya.',
  'complaints.verifyDue': 'verifikasi s.d. {date}', 'complaints.answerDue': 'jawaban s.d. {date}',
  'complaints.verifyLate': 'Verifikasi terlambat', 'complaints.answerLate': 'Jawaban terlambat', 'complaints.allowedNext': 'Langkah berikutnya: {next}',
  'cause.prosedur': 'Prosedur', 'cause.petugas': 'Petugas', 'cause.biaya': 'Biaya', 'cause.waktu': 'Waktu', 'cause.sarana': 'Sarana', 'cause.sistem': 'Sistem', 'cause.lainnya': 'Lainnya',
  'track.steps': 'Perjalanan pengaduan', 'track.rejected': 'Pengaduan ditolak: {reason}',
  'flag.SUBSTANTIATED_COMPLAINTS': 'Pengaduan terbukti berulang',
};
export const en: Record<keyof typeof id, string> = {
  'complaints.status.VERIFIED': 'Verified', 'complaints.status.REJECTED': 'Rejected',
  'complaints.verify': 'Verify', 'complaints.reject': 'Reject', 'complaints.rejectReason': 'Reason for rejecting (shown to the citizen)',
  'complaints.rejectHelp': 'For example: not the city\'s authority, a duplicate, or no substance.',
  'complaints.startWork': 'Start follow-up', 'complaints.sendAnswer': 'Send answer', 'complaints.close': 'Close',
  'complaints.cause': 'Cause', 'complaints.causePick': '— choose a cause —', 'complaints.substantiated': 'Complaint substantiated',
  'complaints.substantiatedHelp': 'A substantiated complaint about a staff member goes into their performance evaluation.',
  'complaints.verifyDue': 'verify by {date}', 'complaints.answerDue': 'answer by {date}',
  'complaints.verifyLate': 'Verification late', 'complaints.answerLate': 'Answer late', 'complaints.allowedNext': 'Next steps: {next}',
  'cause.prosedur': 'Procedure', 'cause.petugas': 'Staff', 'cause.biaya': 'Cost', 'cause.waktu': 'Time', 'cause.sarana': 'Facilities', 'cause.sistem': 'System', 'cause.lainnya': 'Other',
  'track.steps': 'Steps so far', 'track.rejected': 'Complaint rejected: {reason}',
  'flag.SUBSTANTIATED_COMPLAINTS': 'Repeated substantiated complaints',
};

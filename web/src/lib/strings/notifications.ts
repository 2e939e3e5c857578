// UI strings of the notification bell and the export downloads. Bahasa Indonesia is the source; English mirrors every key.
export const id = {
  'notif.bell': 'Notifikasi', 'notif.bellUnread': 'Notifikasi, {n} belum dibaca', 'notif.title': 'Notifikasi',
  'notif.empty': 'Belum ada notifikasi.', 'notif.error': 'Notifikasi tidak dapat dimuat.', 'notif.markRead': 'Tandai dibaca',
  'notif.markAll': 'Tandai semua dibaca', 'notif.unread': 'Belum dibaca', 'notif.open': 'Buka', 'notif.close': 'Tutup',
  'notif.shared': 'Kotak bersama admin', 'notif.more': 'Muat lagi',
  'export.title': 'Ekspor data', 'export.help': 'Berkas CSV (UTF-8) untuk TPP dan BKN; dapat dibuka di aplikasi lembar kerja. Hanya periode yang sudah dievaluasi.',
  'export.period': 'Periode TPP', 'export.year': 'Tahun SKP', 'export.tpp': 'Unduh TPP (CSV)', 'export.siasn': 'Unduh SKP SIASN (CSV)', 'export.angkaKredit': 'Unduh angka kredit (CSV)',
};

export const en: Record<keyof typeof id, string> = {
  'notif.bell': 'Notifications', 'notif.bellUnread': 'Notifications, {n} unread', 'notif.title': 'Notifications',
  'notif.empty': 'No notifications yet.', 'notif.error': 'Notifications could not be loaded.', 'notif.markRead': 'Mark as read',
  'notif.markAll': 'Mark all as read', 'notif.unread': 'Unread', 'notif.open': 'Open', 'notif.close': 'Close',
  'notif.shared': 'Shared admin inbox', 'notif.more': 'Load more',
  'export.title': 'Data exports', 'export.help': 'CSV files (UTF-8) for the allowance (TPP) and BKN; they open in any spreadsheet. Evaluated periods only.',
  'export.period': 'TPP period', 'export.year': 'SKP year', 'export.tpp': 'Download TPP (CSV)', 'export.siasn': 'Download SIASN SKP (CSV)', 'export.angkaKredit': 'Download credit points (CSV)',
};

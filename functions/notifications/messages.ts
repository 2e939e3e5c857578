// The wording of each notification (DESIGN §2 Notifications). Profiles store no language preference,
// so every message is Bahasa Indonesia with its English line below. A message names no one but the
// recipient's own subordinates (never a NIP); a citizen's message names no officer.

export interface Message { title: string; body: string }

const both = (id: string, en: string) => `${id}\n(EN) ${en}`;
const names = (list: readonly string[]) => (list.length > 5 ? `${list.slice(0, 5).join(', ')} +${list.length - 5}` : list.join(', '));

export const messages = {
  reportDue: (period: string, due: string): Message => ({
    title: both(`Laporan kinerja ${period} jatuh tempo ${due}`, `Performance report ${period} is due ${due}`),
    body: both(
      `Laporan bulanan Anda untuk periode ${period} belum dikirim. Batas pengiriman: ${due}.`,
      `Your monthly report for ${period} has not been submitted yet. Deadline: ${due}.`,
    ),
  }),
  reviewsPending: (period: string, count: number, officers: readonly string[]): Message => ({
    title: both(`${count} laporan menunggu review (${period})`, `${count} reports awaiting review (${period})`),
    body: both(
      `${count} laporan periode ${period} dari bawahan Anda menunggu review: ${names(officers)}.`,
      `${count} reports for ${period} from your team await your review: ${names(officers)}.`,
    ),
  }),
  evaluationPublished: (period: string, predikat: string, deadline: string): Message => ({
    title: both(`Hasil evaluasi kinerja ${period} diterbitkan`, `Performance evaluation ${period} published`),
    body: both(
      `Predikat kinerja Anda untuk ${period}: ${predikat}. Keberatan dapat diajukan sampai ${deadline}.`,
      `Your performance rating for ${period}: ${predikat}. You may object until ${deadline}.`,
    ),
  }),
  objectionPending: (period: string, officer: string | null): Message => ({
    title: both(`Keberatan menunggu keputusan (${period})`, `Objection awaiting your decision (${period})`),
    body: both(
      `Keberatan atas evaluasi ${period}${officer ? ` dari ${officer}` : ''} menunggu keputusan Anda.`,
      `An objection to the ${period} evaluation${officer ? ` from ${officer}` : ''} awaits your decision.`,
    ),
  }),
  complaintToVerify: (code: string, unit: string, due: string): Message => ({
    title: both(`Pengaduan ${code} perlu diverifikasi`, `Complaint ${code} needs verification`),
    body: both(
      `Pengaduan ${code} untuk ${unit} perlu diverifikasi sebelum ${due}.`,
      `Complaint ${code} about ${unit} must be verified before ${due}.`,
    ),
  }),
  complaintOverdue: (code: string, unit: string, step: 'verify' | 'answer'): Message => ({
    title: both(`Pengaduan ${code} terlambat`, `Complaint ${code} is overdue`),
    body: both(
      `Pengaduan ${code} untuk ${unit} melewati batas waktu ${step === 'verify' ? 'verifikasi' : 'jawaban'}.`,
      `Complaint ${code} about ${unit} is past its ${step === 'verify' ? 'verification' : 'answer'} deadline.`,
    ),
  }),
  actionDue: (title: string, unit: string, due: string, overdue: boolean): Message => (overdue
    ? {
      title: both(`Tindak lanjut terlambat: ${title}`, `Follow-up action overdue: ${title}`),
      body: both(`Tindak lanjut "${title}" (${unit}) melewati batas ${due}.`, `The follow-up action "${title}" (${unit}) was due ${due}.`),
    }
    : {
      title: both(`Tindak lanjut jatuh tempo ${due}: ${title}`, `Follow-up action due ${due}: ${title}`),
      body: both(`Tindak lanjut "${title}" (${unit}) jatuh tempo ${due}.`, `The follow-up action "${title}" (${unit}) is due ${due}.`),
    }),
  /** A forum's or SKM follow-up's action (its owner is free text): to the admins of the agency it belongs to. */
  agencyActionDue: (source: 'forum' | 'followUp', title: string, where: string, due: string, overdue: boolean): Message => {
    const [id, en] = source === 'forum' ? ['forum konsultasi publik', 'public forum'] : ['tindak lanjut SKM', 'SKM follow-up'];
    return overdue
      ? {
        title: both(`Rencana aksi terlambat: ${title}`, `Action overdue: ${title}`),
        body: both(`Rencana aksi "${title}" dari ${id} (${where}) melewati batas ${due} dan belum selesai.`, `The ${en} action "${title}" (${where}) was due ${due} and is not done.`),
      }
      : {
        title: both(`Rencana aksi jatuh tempo ${due}: ${title}`, `Action due ${due}: ${title}`),
        body: both(`Rencana aksi "${title}" dari ${id} (${where}) jatuh tempo ${due}.`, `The ${en} action "${title}" (${where}) is due ${due}.`),
      };
  },
  objectionDecided: (period: string, outcome: 'amend' | 'uphold', predikat: string | null): Message => (outcome === 'amend'
    ? {
      title: both(`Keberatan Anda dikabulkan (${period})`, `Your objection was granted (${period})`),
      body: both(
        `Keberatan atas evaluasi ${period} dikabulkan; hasil evaluasi diubah${predikat ? `, predikat akhir: ${predikat}` : ''}.`,
        `Your objection to the ${period} evaluation was granted; the evaluation was amended${predikat ? `, final rating: ${predikat}` : ''}.`,
      ),
    }
    : {
      title: both(`Keberatan Anda ditolak (${period})`, `Your objection was not granted (${period})`),
      body: both(
        `Keberatan atas evaluasi ${period} ditolak; hasil evaluasi tetap${predikat ? ` (predikat: ${predikat})` : ''}.`,
        `Your objection to the ${period} evaluation was not granted; the evaluation stands${predikat ? ` (rating: ${predikat})` : ''}.`,
      ),
    }),
  complaintAnswered: (code: string, answer: string): Message => ({
    title: both(`Pengaduan ${code} telah dijawab`, `Your complaint ${code} has been answered`),
    body: both(
      `Pengaduan Anda dengan kode ${code} telah dijawab:\n\n${answer}\n\nLacak pengaduan dengan kode ${code} di halaman pengaduan.`,
      `Your complaint ${code} has been answered (see the answer above). Track it with code ${code} on the complaints page.`,
    ),
  }),
};

/** The e-mail subject: the Indonesian line of the title (the body carries both languages). */
export const subjectOf = (m: Message) => m.title.split('\n')[0]!;

// PermenPANRB 14/2017, the nine SKM elements and their standard four-point answer wording.

export const IKM_KEYS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8', 'u9'] as const;
export type IkmKey = (typeof IKM_KEYS)[number];

export interface IkmElement {
  code: string;
  id: string;
  en: string;
}

export const IKM_ELEMENTS: Readonly<Record<IkmKey, IkmElement>> = /* @__PURE__ */ Object.freeze({
  u1: { code: 'U1', id: 'Persyaratan', en: 'Requirements' },
  u2: { code: 'U2', id: 'Sistem, Mekanisme, dan Prosedur', en: 'Systems, mechanisms and procedures' },
  u3: { code: 'U3', id: 'Waktu Penyelesaian', en: 'Completion time' },
  u4: { code: 'U4', id: 'Biaya/Tarif', en: 'Cost/tariff' },
  u5: { code: 'U5', id: 'Produk Spesifikasi Jenis Pelayanan', en: 'Service product specification' },
  u6: { code: 'U6', id: 'Kompetensi Pelaksana', en: 'Staff competence' },
  u7: { code: 'U7', id: 'Perilaku Pelaksana', en: 'Staff conduct' },
  u8: {
    code: 'U8',
    id: 'Penanganan Pengaduan, Saran dan Masukan',
    en: 'Handling of complaints, suggestions and feedback',
  },
  u9: { code: 'U9', id: 'Sarana dan Prasarana', en: 'Facilities and infrastructure' },
});

/** The answer labels for scores 1..4 (index 0 is score 1). */
export type FourPoint = readonly [string, string, string, string];

export interface IkmAnswerWording {
  question: { id: string; en: string };
  id: FourPoint;
  en: FourPoint;
}

export const IKM_ANSWER_WORDING: Readonly<Record<IkmKey, IkmAnswerWording>> = /* @__PURE__ */ Object.freeze({
  u1: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?',
      en: 'How well do the service requirements match the type of service?',
    },
    id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    en: ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
  },
  u2: {
    question: {
      id: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?',
      en: 'How easy is the service procedure at this unit?',
    },
    id: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
    en: ['Not easy', 'Less easy', 'Easy', 'Very easy'],
  },
  u3: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?',
      en: 'How fast was the service delivered?',
    },
    id: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
    en: ['Not fast', 'Less fast', 'Fast', 'Very fast'],
  },
  u4: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?',
      en: 'How reasonable is the cost/tariff of the service?',
    },
    id: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
    en: ['Very expensive', 'Rather expensive', 'Cheap', 'Free'],
  },
  u5: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?',
      en: 'How well does the service product delivered match the one stated in the service standard?',
    },
    id: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
    en: ['Not appropriate', 'Less appropriate', 'Appropriate', 'Very appropriate'],
  },
  u6: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?',
      en: 'How competent were the staff who served you?',
    },
    id: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
    en: ['Not competent', 'Less competent', 'Competent', 'Very competent'],
  },
  u7: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?',
      en: 'How polite and friendly were the staff who served you?',
    },
    id: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
    en: ['Not polite and friendly', 'Less polite and friendly', 'Polite and friendly', 'Very polite and friendly'],
  },
  u8: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?',
      en: 'How are complaints from service users handled?',
    },
    id: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
    en: ['None', 'Exists but does not work', 'Works, but not fully', 'Well managed'],
  },
  u9: {
    question: {
      id: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?',
      en: 'How good are the facilities and infrastructure?',
    },
    id: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
    en: ['Poor', 'Fair', 'Good', 'Very good'],
  },
});

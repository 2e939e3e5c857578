// The public pages' GETs, built in one place: each page asks for them, and boot prefetch (lib/prefetch.ts)
// starts the same URLs before the page's chunk has loaded, so a phone waits for one round trip, not two.
const enc = encodeURIComponent;

export const unitCardPath = (tenant: string, unitId: string) => `/v1/public/units/${enc(tenant)}/${enc(unitId)}`;
export const complaintPath = (code: string) => `/v1/public/complaints/${enc(code)}`;
export const transparencyPath = (tenant: string, year: number) => `/v1/public/cities/${enc(tenant)}/transparency?year=${year}`;

/** The transparency page's year choices (this year and four before) and the one it opens with (?year=, else this year). */
export function transparencyYears(search: string): { years: number[]; year: number } {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
  const asked = Number(new URLSearchParams(search).get('year'));
  return { years, year: years.includes(asked) ? asked : thisYear };
}

/** The unit a complaint link names (?tenant=&unit=, from the survey's thank-you and the QR poster). */
export function linkedUnit(search: string): { tenant: string; unitId: string } {
  const params = new URLSearchParams(search);
  return { tenant: params.get('tenant') ?? '', unitId: (params.get('unit') ?? params.get('unitId') ?? '').trim().toLowerCase() };
}

/** What the public page at `pattern` asks for first. */
export function publicGets(pattern: string, params: Record<string, string>, search: string): string[] {
  switch (pattern) {
    case '/survei/:tenant/:unitId': return [unitCardPath(params.tenant!, params.unitId!)];
    case '/pengaduan': { const { tenant, unitId } = linkedUnit(search); return tenant && unitId ? [unitCardPath(tenant, unitId)] : []; }
    case '/lacak/:code?': return params.code ? [complaintPath(params.code)] : [];
    case '/transparansi/:tenant': return [transparencyPath(params.tenant!, transparencyYears(search).year)];
    default: return [];
  }
}

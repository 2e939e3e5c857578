// Shapes the admin screens read from the organisation API (GET /v1/agencies, GET /v1/officers/{id}).
export interface Unit { id: string; name: string; kind: string; yearlyServiceUsers?: number }
export interface Agency { id: string; name: string; shortName: string; kind: string; units: Unit[] }
export interface StatusEntry { status: string; from: string }
export interface OfficerRecord {
  id: string; nip: string; name: string; position: string; grade: string; agencyId: string; unitId: string | null;
  supervisorId: string | null; status?: string; statuses?: StatusEntry[]; email?: string; koefisienAk?: number;
}

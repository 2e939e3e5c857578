// The checked-in deployments config: one cell per AWS region, each serving its tenants (cities).
// Adding a city is adding a tenant here; adding a region is adding a cell. The local runtime reads it too.
import type { TenantConfig } from '../functions/config/tenants.js';
import type { CustomDomain } from './constructs/web.js';

export interface CellConfig {
  /** Stack name suffix and resource prefix, e.g. "jakarta". */
  name: string;
  /** AWS region the cell is deployed in. */
  region: string;
  /** Regions holding replicas of the cell's table (DynamoDB global table). */
  replicaRegions: string[];
  tenants: TenantConfig[];
  /** The cell's own domain names and their ACM certificate (us-east-1); without it, *.cloudfront.net. */
  domain?: CustomDomain;
}

export const cells: CellConfig[] = [
  {
    name: 'jakarta',
    region: 'ap-southeast-3',
    replicaRegions: ['ap-southeast-1'],
    tenants: [
      { id: 'banjarbaru', name: 'Kota Banjarbaru', timeZone: 'Asia/Makassar', evaluationFrequency: 'monthly' },
      { id: 'serang', name: 'Kota Serang', timeZone: 'Asia/Jakarta', evaluationFrequency: 'monthly' },
      { id: 'tanjung-selor', name: 'Tanjung Selor', timeZone: 'Asia/Makassar', evaluationFrequency: 'quarterly' },
      { id: 'mulyorejo', name: 'Mulyorejo', timeZone: 'Asia/Jakarta', evaluationFrequency: 'monthly' },
    ],
  },
];

export const allTenants = (): TenantConfig[] => cells.flatMap((cell) => cell.tenants);

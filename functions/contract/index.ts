// The whole contract: one entry per route of functions/routes.ts, from one file per feature.
// A new feature adds its file and one line here (tests/unit/contract fails for a route without one).
import { awardsContract } from './awards.js';
import { evaluationsContract } from './evaluations.js';
import { metaContract } from './meta.js';
import { notificationsContract } from './notifications.js';
import { orgContract } from './org.js';
import { plansContract } from './plans.js';
import type { Contract } from './registry.js';
import { reportsContract } from './reports.js';
import { surveysContract } from './surveys.js';
import { trendsContract } from './trends.js';

export const CONTRACT: Contract = {
  ...metaContract,
  ...orgContract,
  ...plansContract,
  ...reportsContract,
  ...surveysContract,
  ...evaluationsContract,
  ...trendsContract,
  ...awardsContract,
  ...notificationsContract,
};

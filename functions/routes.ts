// The HTTP API of DESIGN.md §4: one row per contract route, naming the function that serves it.
// CDK builds one API Gateway route per row; the local runtime serves the same rows with the same
// handler modules. The local-only /v1/dev/* routes are not here: they exist only in infra/local.

export const FUNCTIONS = {
  org: 'functions/org/handler.ts',
  officers: 'functions/org/officers-handler.ts',
  officerImport: 'functions/org/import-handler.ts',
  plans: 'functions/plans/handler.ts',
  reports: 'functions/reports/handler.ts',
  scores: 'functions/scoring/handler.ts',
  trainings: 'functions/trainings/handler.ts',
  surveys: 'functions/surveys/handler.ts',
  forums: 'functions/forums/handler.ts',
  transparency: 'functions/transparency/handler.ts',
  complaints: 'functions/complaints/handler.ts',
  evaluations: 'functions/evaluations/handler.ts',
  feedback: 'functions/feedback/handler.ts',
  evaluationRuns: 'functions/evaluations/runs-handler.ts',
  trends: 'functions/trends/handler.ts',
  visits: 'functions/visits/handler.ts',
  notifications: 'functions/notifications/handler.ts',
  contract: 'functions/contract/handler.ts',
  documents: 'functions/documents/handler.ts',
} as const;

/** Functions that are not behind the HTTP API. */
export const BACKGROUND_FUNCTIONS = {
  stream: 'functions/scoring/stream.ts',
  evaluationDispatcher: 'functions/evaluations/dispatcher.ts',
  evaluationWorker: 'functions/evaluations/worker.ts',
  notificationPass: 'functions/notifications/scheduled.ts',
  accountWorker: 'functions/accounts/worker.ts',
} as const;

export type FunctionName = keyof typeof FUNCTIONS;

export interface RouteDef {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  fn: FunctionName;
  /** public: no token, rate-limited; user: JWT authorizer. */
  auth: 'public' | 'user';
}

const r = (method: RouteDef['method'], path: string, fn: FunctionName, auth: RouteDef['auth'] = 'user'): RouteDef => ({ method, path, fn, auth });

export const ROUTES: RouteDef[] = [
  r('GET', '/v1/health', 'org', 'public'),
  r('GET', '/v1/openapi.json', 'contract', 'public'),
  r('GET', '/v1/me', 'org'),
  r('GET', '/v1/tenants', 'org'),
  r('GET', '/v1/agencies', 'org'),
  r('POST', '/v1/agencies', 'org'),
  r('PATCH', '/v1/agencies/{id}', 'org'),
  r('POST', '/v1/agencies/{id}/units', 'org'),
  r('PATCH', '/v1/agencies/{id}/units/{unitId}', 'org'),
  r('GET', '/v1/agencies/{id}/org-ratings/{year}', 'org'),
  r('PUT', '/v1/agencies/{id}/org-ratings/{year}', 'org'),
  r('GET', '/v1/agencies/{id}/curve', 'org'),
  r('GET', '/v1/officers', 'officers'),
  r('GET', '/v1/officers/{id}', 'officers'),
  r('POST', '/v1/officers/import', 'officerImport'),
  r('GET', '/v1/account-jobs/{id}', 'officerImport'),
  r('PATCH', '/v1/officers/{id}', 'officers'),
  r('PUT', '/v1/officers/{id}/roles', 'org'),
  r('GET', '/v1/policy', 'org'),
  r('PUT', '/v1/policy', 'org'),
  r('GET', '/v1/policy/history', 'org'),

  r('GET', '/v1/officers/{id}/plans/{year}', 'plans'),
  r('PUT', '/v1/officers/{id}/plans/{year}', 'plans'),
  r('POST', '/v1/officers/{id}/plans/{year}/agreement', 'plans'),
  r('GET', '/v1/officers/{id}/plans/{year}/history', 'plans'),
  r('GET', '/v1/officers/{id}/plans/{year}/cascade', 'plans'),

  r('POST', '/v1/reports', 'reports'),
  r('GET', '/v1/reports', 'reports'),
  r('GET', '/v1/reports/{id}', 'reports'),
  r('GET', '/v1/officers/{id}/reports', 'reports'),
  r('POST', '/v1/reports/{id}/review', 'reports'),
  r('POST', '/v1/late-windows', 'reports'),
  r('PUT', '/v1/officers/{id}/progress/{period}', 'reports'),
  r('GET', '/v1/officers/{id}/progress/{period}', 'reports'),

  r('GET', '/v1/officers/{id}/scores', 'scores'),

  r('POST', '/v1/trainings', 'trainings'),
  r('GET', '/v1/officers/{id}/trainings', 'trainings'),

  r('GET', '/v1/public/units/{tenant}/{unitId}', 'surveys', 'public'),
  r('POST', '/v1/public/surveys', 'surveys', 'public'),
  r('GET', '/v1/ikm', 'surveys'),
  r('POST', '/v1/kiosk-tokens', 'surveys'),
  r('POST', '/v1/ikm/follow-ups', 'forums'),
  r('GET', '/v1/ikm/follow-ups', 'forums'),
  r('GET', '/v1/ikm/follow-ups/proposal', 'forums'),
  r('PATCH', '/v1/ikm/follow-ups/{id}', 'forums'),
  // The SKM follow-ups above and the public forums: the forums function (functions/forums/handler.ts).
  r('POST', '/v1/forums', 'forums'),
  r('GET', '/v1/forums', 'forums'),
  r('PATCH', '/v1/forums/{id}/actions/{actionId}', 'forums'),
  // The public transparency page's JSON (functions/transparency/handler.ts).
  r('GET', '/v1/public/cities/{tenant}/transparency', 'transparency', 'public'),

  r('POST', '/v1/public/complaints', 'complaints', 'public'),
  r('GET', '/v1/public/complaints/{code}', 'complaints', 'public'),
  r('GET', '/v1/complaints', 'complaints'),
  r('GET', '/v1/complaints/stats', 'complaints'),
  r('PATCH', '/v1/complaints/{id}', 'complaints'),

  r('POST', '/v1/evaluations/runs', 'evaluationRuns'),
  r('GET', '/v1/evaluations/runs', 'evaluationRuns'),
  r('GET', '/v1/evaluations/runs/{id}', 'evaluationRuns'),
  r('GET', '/v1/evaluations/schedule', 'evaluationRuns'),
  r('GET', '/v1/officers/{id}/evaluations', 'evaluations'),
  r('GET', '/v1/evaluations/{id}/history', 'evaluations'),
  r('POST', '/v1/evaluations/{id}/objections', 'evaluations'),
  r('GET', '/v1/objections', 'evaluations'),
  r('POST', '/v1/objections/{id}/decision', 'evaluations'),
  r('GET', '/v1/evaluations/flagged', 'evaluations'),
  r('GET', '/v1/team', 'evaluations'),
  r('POST', '/v1/officers/{id}/feedback', 'feedback'),
  r('GET', '/v1/officers/{id}/feedback', 'feedback'),
  r('POST', '/v1/feedback/{id}/replies', 'feedback'),
  r('GET', '/v1/agencies/{id}/feedback-stats', 'feedback'),

  r('GET', '/v1/trends', 'trends'),
  r('GET', '/v1/activity', 'trends'),
  r('GET', '/v1/calendar', 'trends'),

  r('POST', '/v1/visits', 'visits'),
  r('GET', '/v1/visits', 'visits'),
  r('PATCH', '/v1/visits/{id}/actions/{actionId}', 'visits'),

  // Notifications and the CSV exports (functions/exports/) share the light notifications function.
  r('GET', '/v1/me/notifications', 'notifications'),
  r('POST', '/v1/me/notifications/read', 'notifications'),
  r('POST', '/v1/notifications/runs', 'notifications'),
  r('GET', '/v1/notifications/runs/{id}', 'notifications'),
  r('GET', '/v1/exports/tpp', 'notifications'),
  r('GET', '/v1/exports/siasn', 'notifications'),
  r('GET', '/v1/exports/angka-kredit', 'notifications'),

  // PDFs (and an agency's as one ZIP) from the documents function, the only one that bundles pdf-lib.
  r('GET', '/v1/officers/{id}/plans/{year}/document', 'documents'),
  r('GET', '/v1/evaluations/{id}/document', 'documents'),
  r('GET', '/v1/awards/{id}/certificate', 'documents'),
  r('GET', '/v1/agencies/{id}/evaluation-documents', 'documents'),
  // Awards are served by the feedback function (functions/awards/handler.ts).
  r('POST', '/v1/awards', 'feedback'),
  r('GET', '/v1/awards', 'feedback'),
  r('GET', '/v1/public/cities/{tenant}/awards', 'feedback', 'public'),
];

export const routeKey = (def: Pick<RouteDef, 'method' | 'path'>) => `${def.method} ${def.path}`;

// Key design of the one table. Every access pattern of the API is a GetItem or one Query on these
// keys (see the README's access-pattern table); nothing serves a request with a Scan.
// Partitions are always prefixed by the tenant, so a key built for one tenant cannot reach another's items.
// Each builder is its own export, imported as `import * as keys`, so a bundle keeps only the builders its code calls.

export interface Key { PK: string; SK: string }

/** A key as one string, for maps and sets of items. */
export const keyId = (k: Key): string => `${k.PK}|${k.SK}`;

const t = (tenant: string) => `TENANT#${tenant}`;
const officerPk = (tenant: string, officerId: string) => `${t(tenant)}#OFFICER#${officerId}`;

// --- organisation -------------------------------------------------------------------------
/** Tenant partition: policy, agencies and units (small, read in one Query). */
export const tenantPartition = (tenant: string) => t(tenant);
export const policy = (tenant: string): Key => ({ PK: t(tenant), SK: 'POLICY' });
/** Policy changes, newest last; in their own partition so the tenant partition stays one small Query. */
export const policyAudit = (tenant: string, at: string): Key => ({ PK: `${t(tenant)}#POLICY#AUDIT`, SK: `AUDIT#${at}` });
export const policyAuditPartition = (tenant: string) => `${t(tenant)}#POLICY#AUDIT`;
export const agency = (tenant: string, agencyId: string): Key => ({ PK: t(tenant), SK: `AGENCY#${agencyId}` });
export const unit = (tenant: string, unitId: string): Key => ({ PK: t(tenant), SK: `UNIT#${unitId}` });
/** Changes to an agency, its units and its org ratings, outside the tenant partition (which every
 *  GET /v1/agencies reads whole, so an ever-growing audit trail must not live there). */
export const agencyAudit = (tenant: string, agencyId: string, at: string, what: string): Key => ({ PK: `${t(tenant)}#AGENCY#${agencyId}#AUDIT`, SK: `AUDIT#${at}#${what}` });
export const agencyAuditPartition = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#AUDIT`;
/** Organisational rating of an agency for a year (the curve it is held to): all agencies of a year in one Query. */
export const orgRating = (tenant: string, agencyId: string, year: number | string): Key => ({ PK: `${t(tenant)}#ORGRATING`, SK: `YEAR#${year}#AGENCY#${agencyId}` });
export const orgRatingsOfYear = (tenant: string, year: number | string) => ({ PK: `${t(tenant)}#ORGRATING`, prefix: `YEAR#${year}#AGENCY#` });

export const officer = (tenant: string, officerId: string): Key => ({ PK: officerPk(tenant, officerId), SK: 'PROFILE' });
/** GSI1: officers of an agency, sorted by name. */
export const officersOfAgency = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#OFFICERS`;
export const officerAgencySort = (name: string, officerId: string) => `OFFICER#${name.toLowerCase()}#${officerId}`;
/** GSI2: direct subordinates of a supervisor. */
export const subordinatesOf = (tenant: string, supervisorId: string) => `${t(tenant)}#SUPERVISOR#${supervisorId}`;
export const subordinateSort = (officerId: string) => `OFFICER#${officerId}`;
/** Every officer below a supervisor (direct and indirect), one item per pair: a team is one Query. */
export const chainOf = (tenant: string, ancestorId: string) => `${t(tenant)}#CHAIN#${ancestorId}`;
export const chainEntry = (tenant: string, ancestorId: string, officerId: string): Key => ({ PK: `${t(tenant)}#CHAIN#${ancestorId}`, SK: `OFFICER#${officerId}` });
/** The tenant's officer directory on the NIP items: GSI1 by NIP, GSI2 by name (prefix search). */
export const directoryByNip = (tenant: string) => `${t(tenant)}#DIRECTORY#NIP`;
export const directoryByName = (tenant: string) => `${t(tenant)}#DIRECTORY#NAME`;
/** NIP is national and unique: one item per NIP pins it to one officer of one tenant. */
export const nip = (nip: string): Key => ({ PK: `NIP#${nip}`, SK: 'NIP' });

// --- an officer's own partition: plan, reports, scores, trainings, evaluations ------------
export const officerPartition = officerPk;
export const plan = (tenant: string, officerId: string, year: number | string): Key => ({ PK: officerPk(tenant, officerId), SK: `PLAN#${year}` });
/** Plan changes and agreements, a year's together in time order. */
export const planAudit = (tenant: string, officerId: string, year: number | string, at: string, id: string): Key => ({ PK: officerPk(tenant, officerId), SK: `AUDIT#PLAN#${year}#${at}#${id}` });
export const planAuditPrefix = (year: number | string) => `AUDIT#PLAN#${year}#`;
/** An agreed plan version that a later version replaced (reports made against it still score with it). */
export const planVersion = (tenant: string, officerId: string, year: number | string, version: number): Key => ({ PK: officerPk(tenant, officerId), SK: `PLANVERSION#${year}#${String(version).padStart(4, '0')}` });
export const report = (tenant: string, officerId: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `REPORT#${period}` });
/** An earlier (returned) submission of a report moved off the report item, numbered from 1. Not `REPORT#…`,
 *  so a year's reports stay one contiguous `begins_with(SK, 'REPORT#YYYY-')` range. */
export const reportCycle = (tenant: string, officerId: string, period: string, cycle: number): Key => ({ PK: officerPk(tenant, officerId), SK: `REPORTCYCLE#${period}#${String(cycle).padStart(3, '0')}` });
export const reportCyclePrefix = (period: string) => `REPORTCYCLE#${period}#`;
/** The officer's progress draft of the running month (never scored). Not `REPORT#…`, so a year's reports stay one range. */
export const progress = (tenant: string, officerId: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `PROGRESS#${period}` });
export const score = (tenant: string, officerId: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `SCORE#${period}` });
export const training = (tenant: string, officerId: string, date: string, id: string): Key => ({ PK: officerPk(tenant, officerId), SK: `TRAINING#${date}#${id}` });
export const evaluation = (tenant: string, officerId: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `EVAL#${period}` });
/** JP logged per month of a year (`jp_01`…`jp_12`, ADDed with each training): an evaluation's JP to date in one GetItem. */
export const trainingYear = (tenant: string, officerId: string, year: number | string): Key => ({ PK: officerPk(tenant, officerId), SK: `TRAININGYEAR#${year}` });
/** A late-report window a region_admin opened for one officer and month (DESIGN §2 calendar), and its audit. */
export const lateWindow = (tenant: string, officerId: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `LATEWINDOW#${period}` });
export const lateWindowAudit = (tenant: string, officerId: string, at: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `AUDIT#LATEWINDOW#${at}#${period}` });
/** Marks that an officer-period's first submission was counted in the rollups (stream idempotency). */
export const reportCounted = (tenant: string, officerId: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `COUNTED#${period}` });
/** GSI2 on a `submitted` report: the tenant's review queue, sorted by agency then period. */
export const pendingReports = (tenant: string) => `${t(tenant)}#REPORTS#PENDING`;
export const pendingReportSort = (agencyId: string, period: string, officerId: string) => `AGENCY#${agencyId}#PERIOD#${period}#OFFICER#${officerId}`;

// --- continuous feedback (umpan balik berkelanjutan) ------------------------------------------
/** Feedback about an officer, sorted by the month it concerns then time: a thread is one Query, newest first. */
export const feedback = (tenant: string, officerId: string, period: string, at: string, id: string): Key => ({ PK: officerPk(tenant, officerId), SK: `FEEDBACK#${period}#${at}#${id}` });
/** Feedback id → its officer and sort key, so a reply addresses the feedback by id alone. */
export const feedbackRef = (tenant: string, id: string): Key => ({ PK: `${t(tenant)}#FEEDBACK#${id}`, SK: 'FEEDBACK' });
/** When the officer last received feedback: one small item the team rows' BatchGet reads. */
export const feedbackLast = (tenant: string, officerId: string): Key => ({ PK: officerPk(tenant, officerId), SK: 'FEEDBACKLAST' });
/** Feedback given per author in an agency × month (ADDed with each feedback): the agency card is one Query. */
export const feedbackStats = (tenant: string, agencyId: string, month: string, authorId: string): Key => ({ PK: `${t(tenant)}#FEEDBACKSTATS#${agencyId}`, SK: `PERIOD#${month}#AUTHOR#${authorId}` });
export const feedbackStatsPartition = (tenant: string, agencyId: string) => `${t(tenant)}#FEEDBACKSTATS#${agencyId}`;

// --- rollups (pre-aggregated, maintained from the stream; one Query per chart) ------------
/** Tenant × month: PK per tenant, SK per month. */
export const tenantRollup = (tenant: string, period: string): Key => ({ PK: `${t(tenant)}#ROLLUP#TENANT`, SK: `PERIOD#${period}` });
/** Agency × month, all agencies of a tenant in one partition (per-agency chart = one Query);
 *  GSI1 gives one agency's series (GSI1PK = agencyRollupSeries, GSI1SK = PERIOD#…). */
export const agencyRollup = (tenant: string, agencyId: string, period: string): Key => ({ PK: `${t(tenant)}#ROLLUP#AGENCY`, SK: `PERIOD#${period}#AGENCY#${agencyId}` });
export const agencyRollupSeries = (tenant: string, agencyId: string) => `${t(tenant)}#ROLLUP#AGENCY#${agencyId}`;
/** Unit × month (IKM sums), all units of a tenant in one partition; GSI1 per unit series. */
export const unitRollup = (tenant: string, unitId: string, period: string): Key => ({ PK: `${t(tenant)}#ROLLUP#UNIT`, SK: `PERIOD#${period}#UNIT#${unitId}` });
export const unitRollupSeries = (tenant: string, unitId: string) => `${t(tenant)}#ROLLUP#UNIT#${unitId}`;
/** Officer × month lives in the officer partition as SCORE#/EVAL# items. */
/** An officer's changes (status, moves, e-mail) as audit items in their partition. */
export const officerAudit = (tenant: string, officerId: string, at: string): Key => ({ PK: officerPk(tenant, officerId), SK: `AUDIT#OFFICER#${at}` });
/** The tenant's region_admins (a string set): the last one cannot drop their own role (PUT /v1/officers/{id}/roles). */
export const regionAdmins = (tenant: string): Key => ({ PK: t(tenant), SK: 'ROLES#REGION_ADMIN' });
/** An officer's sign-in account as provisioned (functions/accounts): created once, disabled once; one Query lists a tenant's. */
export const account = (tenant: string, nip: string): Key => ({ PK: `${t(tenant)}#ACCOUNTS`, SK: `NIP#${nip}` });
/** A provisioning job of one import (GET /v1/account-jobs/{id}): its counts, and one marker per batch counted. */
export const accountJob = (tenant: string, jobId: string): Key => ({ PK: `${t(tenant)}#ACCOUNTJOB#${jobId}`, SK: 'JOB' });
export const accountJobBatch = (tenant: string, jobId: string, batchNo: number): Key => ({ PK: `${t(tenant)}#ACCOUNTJOB#${jobId}`, SK: `BATCH#${String(batchNo).padStart(6, '0')}` });
/** National: all tenants side by side, tenant-level figures only. */
export const nationalRollup = (tenant: string, period: string): Key => ({ PK: 'NATIONAL#ROLLUP', SK: `PERIOD#${period}#TENANT#${tenant}` });
export const periodSort = (period: string) => `PERIOD#${period}`;
/** Today's activity (GET /v1/activity): one item per tenant × local day and agency × local day, ADDed from the stream. */
export const tenantActivity = (tenant: string, day: string): Key => ({ PK: `${t(tenant)}#ACTIVITY`, SK: `DAY#${day}` });
export const agencyActivity = (tenant: string, agencyId: string, day: string): Key => ({ PK: `${t(tenant)}#ACTIVITY`, SK: `DAY#${day}#AGENCY#${agencyId}` });
/** One marker per counted activity event (e.g. a report version's approval), so a redelivered stream record counts once; TTL. */
export const activityCounted = (tenant: string, eventId: string): Key => ({ PK: `${t(tenant)}#ACTIVITYCOUNTED#${eventId}`, SK: 'COUNTED' });

// --- public satisfaction surveys and complaints -----------------------------------------------
/** One partition per unit × month spreads survey writes; SK sorts responses by time. */
/** A survey response in its unit-month partition; `at` is its time, or for a device's response its
 *  tenant-local day (the key is then the device's once-a-day claim on the unit). */
export const surveyResponse = (tenant: string, unitId: string, month: string, at: string, id: string): Key => ({ PK: `${t(tenant)}#SURVEY#${unitId}#${month}`, SK: `${at}#${id}` });
/** A kiosk token of a unit, by the SHA-256 of the token (the token itself is never stored); expires via TTL. */
export const kioskToken = (tenant: string, tokenHash: string): Key => ({ PK: `${t(tenant)}#KIOSK#${tokenHash}`, SK: 'KIOSK' });
/** An Idempotency-Key of a public write route (`route` e.g. "survey"), by the key's hash; expires via TTL. */
export const idempotency = (tenant: string, route: string, keyHash: string): Key => ({ PK: `${t(tenant)}#IDEMPOTENCY#${route}#${keyHash}`, SK: 'IDEMPOTENCY' });
/** Fixed-window rate counter per client (salted hash, never the IP) and rule; expires via TTL. */
export const rateCounter = (rule: string, clientHash: string, window: number): Key => ({ PK: `RATE#${rule}#${clientHash}`, SK: `W#${window}` });
export const complaint = (tenant: string, id: string): Key => ({ PK: `${t(tenant)}#COMPLAINT#${id}`, SK: 'COMPLAINT' });
/** GSI1: a tenant's complaints in one status, newest first (GSI1SK = complaintSort). */
export const complaintsByStatus = (tenant: string, status: string) => `${t(tenant)}#COMPLAINTS#${status}`;
/** GSI2: all of a tenant's complaints, newest first. */
export const complaintsOfTenant = (tenant: string) => `${t(tenant)}#COMPLAINTS`;
export const complaintSort = (createdAt: string, id: string) => `COMPLAINT#${createdAt}#${id}`;
/** Tracking codes are global (the citizen knows no tenant): code → tenant and complaint id. */
export const complaintCode = (code: string): Key => ({ PK: `COMPLAINTCODE#${code}`, SK: 'CODE' });
/** Complaint counters of a filing year: the city's (`TENANT`) and each agency's (with its units and officers). */
export const complaintStats = (tenant: string, year: string, agencyId: string | null): Key => ({ PK: `${t(tenant)}#COMPLAINTSTATS#${year}`, SK: agencyId === null ? 'TENANT' : `AGENCY#${agencyId}` });
/** A substantiated complaint about an officer, in a tenant × filing-month partition: an evaluation batch reads a month's in one Query. */
export const substantiatedComplaint = (tenant: string, officerId: string, month: string, complaintId: string): Key => ({ PK: `${t(tenant)}#SUBSTANTIATED#${month}`, SK: `OFFICER#${officerId}#${complaintId}` });
export const substantiatedComplaintsOfMonth = (tenant: string, month: string) => `${t(tenant)}#SUBSTANTIATED#${month}`;
// --- field supervision visits (DESIGN §2) -----------------------------------------------------
/** Visits of a tenant, newest first (SK sorts by visit date); GSI1 per agency, GSI2 per unit (GSI*SK = the same sort). */
export const visit = (tenant: string, date: string, id: string): Key => ({ PK: `${t(tenant)}#VISITS`, SK: `VISIT#${date}#${id}` });
export const visitsOfTenant = (tenant: string) => `${t(tenant)}#VISITS`;
export const visitsOfAgency = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#VISITS`;
export const visitsOfUnit = (tenant: string, unitId: string) => `${t(tenant)}#UNIT#${unitId}#VISITS`;
export const visitSort = (date: string, id: string) => `VISIT#${date}#${id}`;
/** One item per visit with open actions, sorted by its earliest open due date: "overdue now" is one Query
 *  (SK < DUE#today) per tenant, or on GSI1 per agency. Deleted when the last action is done. */
export const openVisit = (tenant: string, firstDue: string, visitId: string): Key => ({ PK: `${t(tenant)}#OPENVISITS`, SK: `DUE#${firstDue}#${visitId}` });
export const openVisitsOfTenant = (tenant: string) => `${t(tenant)}#OPENVISITS`;
export const openVisitsOfAgency = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#OPENVISITS`;
export const openVisitSort = (firstDue: string, visitId: string) => `DUE#${firstDue}#${visitId}`;
/** A `berat` finding about an officer, in a tenant × month partition: an evaluation batch reads a period's in one Query per month. */
export const fieldFinding = (tenant: string, month: string, officerId: string, visitId: string, index: number): Key => ({ PK: `${t(tenant)}#FIELDFINDINGS#${month}`, SK: `OFFICER#${officerId}#${visitId}#${String(index).padStart(2, '0')}` });
export const fieldFindingsOfMonth = (tenant: string, month: string) => `${t(tenant)}#FIELDFINDINGS#${month}`;
// --- the citizens' voice: SKM follow-ups and public forums (DESIGN §2) ------------------------
/** One SKM follow-up per unit × survey period, all of a tenant in one partition (SK sorts by unit then period);
 *  GSI1 per agency (GSI1SK = followUpAgencySort). */
export const followUp = (tenant: string, unitId: string, period: string): Key => ({ PK: `${t(tenant)}#FOLLOWUPS`, SK: `FOLLOWUP#${unitId}#${period}` });
export const followUpsOfTenant = (tenant: string) => `${t(tenant)}#FOLLOWUPS`;
export const followUpsOfAgency = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#FOLLOWUPS`;
export const followUpAgencySort = (period: string, unitId: string) => `PERIOD#${period}#UNIT#${unitId}`;
/** A public forum by id; GSI1 lists a tenant's forums by date, GSI2 an agency's (GSI*SK = forumSort). */
export const forum = (tenant: string, id: string): Key => ({ PK: `${t(tenant)}#FORUM#${id}`, SK: 'FORUM' });
export const forumsOfTenant = (tenant: string) => `${t(tenant)}#FORUMS`;
export const forumsOfAgency = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#FORUMS`;
export const forumSort = (date: string, id: string) => `DATE#${date}#${id}`;
/** One item per open forum or SKM follow-up action, by due day, written in the action's own transaction and
 *  deleted when it is done: the daily pass reads "due within 3 days or overdue" as one Query per tenant. */
export const openAction = (tenant: string, due: string, source: string, itemId: string, actionId: string): Key => ({ PK: `${t(tenant)}#OPENACTIONS`, SK: `DUE#${due}#${source}#${itemId}#${actionId}` });
export const openActionsOfTenant = (tenant: string) => `${t(tenant)}#OPENACTIONS`;
/** Pre-aggregated counts for the transparency page, ADDed in each write's transaction: a section is one
 *  Query per tenant × year (SK `YEAR#y` for the tenant, `YEAR#y#AGENCY#a` per agency). */
export const forumStats = (tenant: string, year: string, agencyId?: string): Key => ({ PK: `${t(tenant)}#FORUMSTATS`, SK: agencyId ? `YEAR#${year}#AGENCY#${agencyId}` : `YEAR#${year}` });
export const followUpStats = (tenant: string, year: string, agencyId?: string): Key => ({ PK: `${t(tenant)}#FOLLOWUPSTATS`, SK: agencyId ? `YEAR#${year}#AGENCY#${agencyId}` : `YEAR#${year}` });
/** The public digest of a forum / follow-up (no minutes, no owners, no who-changed-it), beside its year's counts:
 *  `begins_with(SK, 'YEAR#y')` on the stats partition is the transparency section in one Query. */
export const publicForum = (tenant: string, year: string, date: string, id: string): Key => ({ PK: `${t(tenant)}#FORUMSTATS`, SK: `YEAR#${year}#FORUM#${date}#${id}` });
export const publicFollowUp = (tenant: string, year: string, period: string, unitId: string): Key => ({ PK: `${t(tenant)}#FOLLOWUPSTATS`, SK: `YEAR#${year}#FOLLOWUP#${period}#${unitId}` });
/** Awards given in a year (`count`, ADDed in the award's own transaction): the transparency page's awards section. */
export const awardStats = (tenant: string, year: string): Key => ({ PK: `${t(tenant)}#AWARDSTATS`, SK: `YEAR#${year}` });
/** An award in the officer's partition, one per officer × kind × period (the key refuses a second); GSI1 lists the
 *  tenant's by award day (the public list of a year is a prefix of it), GSI2 an agency's (GSI*SK = awardSort). */
export const award = (tenant: string, officerId: string, kind: string, period: string): Key => ({ PK: officerPk(tenant, officerId), SK: `AWARD#${kind}#${period}` });
export const awardPrefix = 'AWARD#';
export const awardsOfTenant = (tenant: string) => `${t(tenant)}#AWARDS`;
export const awardsOfAgency = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCY#${agencyId}#AWARDS`;
export const awardSort = (day: string, id: string) => `DAY#${day}#${id}`;
// --- evaluation runs (scheduled or started by the BKPSDM) --------------------------------
/** The tenant's runs, period locks and published-run pointers. */
export const evaluationRuns = (tenant: string) => `${t(tenant)}#EVALRUN`;
export const evaluationRun = (tenant: string, runId: string): Key => ({ PK: evaluationRuns(tenant), SK: `RUN#${runId}` });
/** One per tenant and period: which run holds it, so a second concurrent run is refused. */
export const evaluationRunLock = (tenant: string, period: string): Key => ({ PK: `${t(tenant)}#EVALRUN`, SK: `LOCK#${period}` });
/** One marker per processed batch: counts a redelivered batch once and carries its aggregates. */
export const evaluationRunBatch = (tenant: string, runId: string, batchNo: number): Key => ({ PK: `${t(tenant)}#EVALRUN#${runId}`, SK: `BATCH#${String(batchNo).padStart(5, '0')}` });
export const evaluationRunBatches = (tenant: string, runId: string) => `${t(tenant)}#EVALRUN#${runId}`;
/** Who a run of a period evaluates, in agency then officer order: pages of up to 100 officer ids (SK =
 *  memberSort of the page's first officer), written by the dispatcher before any batch is queued. The
 *  period's readers (exports, the flagged list, the documents ZIP, the run's notifications) read these
 *  and get the evaluations by key, so an evaluation item needs no index entry. */
export const evaluationMembers = (tenant: string, period: string, runId: string) => `${t(tenant)}#EVALS#${period}#RUN#${runId}`;
export const memberSort = (agencyId: string, officerId: string) => `AGENCY#${agencyId}#OFFICER#${officerId}`;
/** One per tenant and period: the run whose evaluations the period's readers list (the last one that ended
 *  with evaluations). Kept without expiry: it outlives the run record. */
export const evaluationPeriodRun = (tenant: string, period: string): Key => ({ PK: `${t(tenant)}#EVALRUN`, SK: `PUBLISHED#${period}` });
/** Agency × period: the distribution-curve check (CURVE_BREACH), all agencies of a tenant in one partition. */
export const agencyEvaluation = (tenant: string, agencyId: string, period: string): Key => ({ PK: `${t(tenant)}#AGENCYEVAL`, SK: `PERIOD#${period}#AGENCY#${agencyId}` });
export const agencyEvaluationPartition = (tenant: string) => `${t(tenant)}#AGENCYEVAL`;
/** GSI1 on the agency × period items: one agency's periods (GSI1SK = PERIOD#…), so a year's curve is one Query. */
export const agencyEvaluationSeries = (tenant: string, agencyId: string) => `${t(tenant)}#AGENCYEVAL#${agencyId}`;
// --- notifications (DESIGN §2) ------------------------------------------------------------------
/** GSI1 on the `COUNTED#month` marker of an officer's first submission: who reported in a month, by agency,
 *  so the daily pass finds officers without a report by one Query per agency instead of a read per officer. */
export const reportedInMonth = (tenant: string, month: string) => `${t(tenant)}#REPORTED#${month}`;
export const reportedSort = (agencyId: string, officerId: string) => `AGENCY#${agencyId}#OFFICER#${officerId}`;
/** An inbox (`OFFICER#id`, `ROLE#region_admin`, `ROLE#agency_admin#agencyId`), newest first; GSI1 holds its unread ones. */
export const inbox = (tenant: string, recipient: string) => `${t(tenant)}#INBOX#${recipient}`;
export const inboxUnread = (tenant: string, recipient: string) => `${t(tenant)}#INBOX#${recipient}#UNREAD`;
/** An inbox's unread count (ADD +1 with each notification, −1 with each marked read): one GetItem whatever the inbox holds. */
export const inboxCounter = (tenant: string, recipient: string): Key => ({ PK: `${t(tenant)}#INBOX#${recipient}`, SK: 'UNREAD' });
export const notification = (tenant: string, recipient: string, createdAt: string, id: string): Key => ({ PK: `${t(tenant)}#INBOX#${recipient}`, SK: `N#${createdAt}#${id}` });
/** One per deterministic notification id (recipient, kind, subject, period): put on condition it does not
 *  exist, so a retried pass or event creates and e-mails nothing twice; records the e-mail's fate; TTL. */
export const notificationOnce = (tenant: string, id: string): Key => ({ PK: `${t(tenant)}#NOTIFYONCE#${id}`, SK: 'ONCE' });
/** GSI2 on a "once" marker whose e-mail waits for the sending function (removed when sent or failed). */
export const emailOutbox = (tenant: string) => `${t(tenant)}#EMAILOUTBOX`;
/** A daily pass started through the API (status, counts), and the tenant's one lease that refuses a second at once. */
export const notificationRun = (tenant: string, id: string): Key => ({ PK: `${t(tenant)}#NOTIFYRUN#${id}`, SK: 'RUN' });
export const notificationRunLease = (tenant: string): Key => ({ PK: `${t(tenant)}#NOTIFYRUN`, SK: 'LEASE' });

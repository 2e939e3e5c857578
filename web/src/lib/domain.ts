// The dashboard reuses the backend's pure domain rules instead of re-implementing them.
export { ikmGrade, IKM_ELEMENTS, IKM_GRADE_LABELS, IKM_KEYS, IKM_LOW_THRESHOLD, krejcieMorganMinimum } from '../../../functions/domain/ikm.js';
export { BERAKHLAK, ORG_RATINGS } from '../../../functions/domain/types.js';
export { DISTRIBUTION_CURVES } from '../../../functions/domain/curve.js';
export { AGENCY_KINDS, UNIT_KINDS } from '../../../functions/domain/organisation.js';
export { reportWindow } from '../../../functions/domain/calendar.js';
export { TRAINING_JP_MIN_PER_YEAR, trainingPace } from '../../../functions/domain/training.js';
export { addMonths, dayOf, monthOf, periodRange } from '../../../functions/domain/periods.js';
export { OFFICER_STATUSES, type OfficerStatus } from '../../../functions/domain/officer-status.js';

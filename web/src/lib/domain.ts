// The dashboard reuses the backend's pure domain rules instead of re-implementing them.
export { ikmGrade, IKM_GRADE_LABELS, IKM_LOW_THRESHOLD, krejcieMorganMinimum } from '../../../functions/domain/ikm.js';
export { BERAKHLAK } from '../../../functions/domain/types.js';
export { checkDistributionCurve } from '../../../functions/domain/curve.js';
export { TRAINING_JP_MIN_PER_YEAR, trainingPace } from '../../../functions/domain/training.js';
export { addMonths, monthOf, periodRange } from '../../../functions/domain/periods.js';
export { OFFICER_STATUSES, type OfficerStatus } from '../../../functions/domain/officer-status.js';

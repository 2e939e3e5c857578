import { IKM_KEYS, type IkmKey } from './ikm-wording.js';

/** NRR below this is in the C/D range: 3.0644 × 25 = 76.61, the lowest IKM of grade B. */
export const WEAK_ELEMENT_NRR = 3.0644;
/** How many of the lowest elements a follow-up always covers. */
export const LOWEST_ELEMENTS = 3;

// PermenPANRB 14/2017 (tindak lanjut SKM): follow up the three lowest NRR and any element with NRR < 3.0644 (C/D)
export function proposeFollowUpElements(nrr: Readonly<Record<IkmKey, number>>): IkmKey[] {
  // Ties keep the elements' order (u1 before u9), so the proposal is the same on every call.
  const ranked = [...IKM_KEYS].sort((a, b) => nrr[a] - nrr[b] || IKM_KEYS.indexOf(a) - IKM_KEYS.indexOf(b));
  return ranked.filter((k, i) => i < LOWEST_ELEMENTS || nrr[k] < WEAK_ELEMENT_NRR);
}

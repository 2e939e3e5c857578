import { describe, expect, it } from 'vitest';
import { proposeFollowUpElements, WEAK_ELEMENT_NRR } from '../../../functions/domain/skm-follow-up.js';

const nrr = (over: Partial<Record<string, number>> = {}) => ({ u1: 3.5, u2: 3.6, u3: 3.7, u4: 3.8, u5: 3.9, u6: 3.45, u7: 3.55, u8: 3.65, u9: 3.75, ...over });

describe('SKM follow-up proposal', () => {
  it('proposes the three lowest NRR, lowest first, when none is below 3.0644', () => {
    expect(proposeFollowUpElements(nrr())).toEqual(['u6', 'u1', 'u7']);
  });
  it('adds every element below 3.0644 beyond the three lowest', () => {
    expect(proposeFollowUpElements(nrr({ u2: 2.9, u3: 2.5, u4: 3.0, u5: 3.06 }))).toEqual(['u3', 'u2', 'u4', 'u5']);
  });
  it('3.0644 itself is not weak (C/D is strictly below)', () => {
    expect(WEAK_ELEMENT_NRR).toBe(3.0644);
    expect(proposeFollowUpElements(nrr({ u2: 3.0644, u3: 3.0, u4: 2.9, u5: 2.8 }))).toEqual(['u5', 'u4', 'u3']);
    expect(proposeFollowUpElements(nrr({ u2: 3.0643, u3: 3.0, u4: 2.9, u5: 2.8 }))).toEqual(['u5', 'u4', 'u3', 'u2']);
  });
  it('breaks ties by element order, so the proposal is stable', () => {
    const flat = { u1: 3.2, u2: 3.2, u3: 3.2, u4: 3.2, u5: 3.2, u6: 3.2, u7: 3.2, u8: 3.2, u9: 3.2 };
    expect(proposeFollowUpElements(flat)).toEqual(['u1', 'u2', 'u3']);
  });
  it('all nine when all are in the C/D range', () => {
    const low = { u1: 2, u2: 2.1, u3: 2.2, u4: 2.3, u5: 2.4, u6: 2.5, u7: 2.6, u8: 2.7, u9: 2.8 };
    expect(proposeFollowUpElements(low)).toHaveLength(9);
  });
});

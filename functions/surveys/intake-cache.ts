// What survey intake reads before its one write, kept briefly in the warm function's memory: the unit
// (its agency never changes and units are never deleted) and an officer's unit (a move shows within a
// minute; the officer named on a response is informational, no rollup depends on it). A miss is kept
// for a few seconds only, so a unit created a moment ago is found almost at once.
import { getOfficer, getUnit } from '../data/org-repository.js';

const FOUND_MS = 60_000;
const MISSING_MS = 5_000;
/** Bounds the memory a flood of made-up ids can take; the oldest entries go first. */
const MAX_ENTRIES = 5_000;

function cached<T>(load: (tenant: string, id: string) => Promise<T | undefined>) {
  const entries = new Map<string, { until: number; value: Promise<T | undefined> }>();
  return (tenant: string, id: string, now = Date.now()): Promise<T | undefined> => {
    const key = `${tenant}|${id}`;
    const hit = entries.get(key);
    if (hit && hit.until > now) return hit.value;
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    // Concurrent requests for the same id share one read; a failed read is not kept.
    const value = load(tenant, id);
    const entry = { until: now + FOUND_MS, value };
    entries.set(key, entry);
    value.then((v) => { if (v === undefined) entry.until = now + MISSING_MS; }, () => { if (entries.get(key) === entry) entries.delete(key); });
    return value;
  };
}

export const cachedUnit = cached(async (tenant, unitId) => {
  const unit = await getUnit(tenant, unitId);
  return unit && { id: unit.id, agencyId: unit.agencyId };
});

export const cachedOfficerUnit = cached(async (tenant, officerId) => {
  const officer = await getOfficer(tenant, officerId);
  return officer && { unitId: officer.unitId };
});

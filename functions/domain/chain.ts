// The supervisor chain (DESIGN §1: supervisors act for their direct and indirect subordinates),
// kept on each officer as `ancestors` (nearest supervisor first) so a check is one lookup, never a walk.

export const MAX_CHAIN_DEPTH = 12;

/** Every officer's ancestors from a supervisor map; `known` gives the chains of supervisors outside the map. */
export function computeAncestors(supervisorOf: ReadonlyMap<string, string | null>, known: ReadonlyMap<string, readonly string[]> = new Map()): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const resolve = (id: string, seen: Set<string>): string[] => {
    const done = out.get(id);
    if (done) return done;
    if (!supervisorOf.has(id)) return [...(known.get(id) ?? [])];
    const sup = supervisorOf.get(id) ?? null;
    if (!sup || seen.has(sup)) { out.set(id, []); return []; }
    seen.add(id);
    const chain = [sup, ...resolve(sup, seen)].slice(0, MAX_CHAIN_DEPTH);
    out.set(id, chain);
    return chain;
  };
  for (const id of supervisorOf.keys()) resolve(id, new Set());
  return out;
}

/** A descendant's chain after `moved` (one of its ancestors) got a new chain of its own. */
export function rebaseChain(descendantChain: readonly string[], moved: string, movedChain: readonly string[]): string[] {
  const at = descendantChain.indexOf(moved);
  if (at < 0) return [...descendantChain];
  return [...descendantChain.slice(0, at + 1), ...movedChain].slice(0, MAX_CHAIN_DEPTH);
}

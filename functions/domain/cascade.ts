// Cascading of RHK down the org chart (Matriks Peran Hasil, PermenPANRB 6/2022 Lampiran): every
// `utama` RHK names the supervisor's RHK it supports; `tambahan` may.
import type { Rhk } from './types.js';

export interface CascadeProblem { field: string; message: string }

/** PermenPANRB 6/2022: parents must be RHK of the supervisor's plan of the same year; with a supervisor
 *  plan every utama RHK names one. `supervisorRhkIds` undefined: the supervisor has no plan (or there is none). */
export function parentProblems(rhk: readonly Pick<Rhk, 'kind' | 'parentRhkId'>[], supervisorRhkIds: ReadonlySet<string> | undefined): CascadeProblem[] {
  const problems: CascadeProblem[] = [];
  rhk.forEach((r, i) => {
    const field = `rhk.${i}.parentRhkId`;
    if (r.parentRhkId === undefined) {
      if (r.kind === 'utama' && supervisorRhkIds) problems.push({ field, message: 'A utama RHK names the supervisor\'s RHK it supports' });
    } else if (!supervisorRhkIds) {
      problems.push({ field, message: 'The supervisor has no plan for this year to support' });
    } else if (!supervisorRhkIds.has(r.parentRhkId)) {
      problems.push({ field, message: `${r.parentRhkId} is not an RHK of the supervisor's plan for this year` });
    }
  });
  return problems;
}

export interface Dependent { officerId: string; officerName?: string; rhkId: string; parentRhkId: string }

/** RHK of subordinates that name one of `removed` (PermenPANRB 6/2022: a parent still supported stays). */
export function dependentsOf(removed: ReadonlySet<string>, subordinates: readonly { officerId: string; officerName?: string; rhk: readonly Rhk[] }[]): Dependent[] {
  return subordinates.flatMap((s) => s.rhk
    .filter((r) => r.parentRhkId !== undefined && removed.has(r.parentRhkId))
    .map((r) => ({ officerId: s.officerId, ...(s.officerName ? { officerName: s.officerName } : {}), rhkId: r.id, parentRhkId: r.parentRhkId! })));
}

export interface CascadeOfficer { id: string; name: string; position: string; supervisorId?: string }
export interface CascadeNode {
  id: string; kind: Rhk['kind']; title: string;
  officerId: string; officerName: string; position: string;
  children: CascadeNode[];
}

/** The tree of `root`'s RHK with the RHK of the officers below under the RHK they support, recursively.
 *  `plans` maps officer id → RHK of the year; officers without a plan are listed apart by the caller. */
export function cascadeTree(root: CascadeOfficer, officers: readonly CascadeOfficer[], plans: ReadonlyMap<string, readonly Rhk[]>): CascadeNode[] {
  const below = new Map<string, CascadeOfficer[]>();
  for (const o of officers) if (o.supervisorId) below.set(o.supervisorId, [...(below.get(o.supervisorId) ?? []), o]);
  // Nodes come back in plan order, so each can be matched to the RHK (and parent) it was made from.
  const nodesOf = (o: CascadeOfficer, depth: number): CascadeNode[] => {
    const underneath = depth >= 12 ? [] : (below.get(o.id) ?? []).flatMap((sub) => {
      const rhk = plans.get(sub.id) ?? [];
      return nodesOf(sub, depth + 1).map((node, i) => ({ node, parent: rhk[i].parentRhkId }));
    });
    return (plans.get(o.id) ?? []).map((r) => ({
      id: r.id, kind: r.kind, title: r.title, officerId: o.id, officerName: o.name, position: o.position,
      children: underneath.filter((u) => u.parent === r.id).map((u) => u.node),
    }));
  };
  return nodesOf(root, 0);
}

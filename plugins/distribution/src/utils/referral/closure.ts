/**
 * Arithmetic of the depth-limited referral closure (`referral_ancestor`) and
 * the team counters (SPEC §2.2, §2.7).
 *
 * Linking customer X under referrer R connects every node of X's subtree
 * (X itself at 0, its descendants at 1..) to every node of R's chain (R at 0,
 * R's ancestors at 1..): descendant s at depth e below X gets ancestor a at
 * depth d above R with closure depth d + 1 + e, kept when ≤ maxDepth (3).
 * Unlinking removes exactly the same rows, so the same function describes both.
 * Each new/removed row (a, s, D) moves a's counter at level D by ±1.
 */
export const CLOSURE_MAX_DEPTH = 3

export type ClosureNode = { id: string; depth: number }
export type ClosureRow = { ancestor_id: string; descendant_id: string; depth: number }
export type TeamCounts = { level1: number; level2: number; level3: number }

export function closureRowsForLink(
  chain: ClosureNode[],
  subtree: ClosureNode[],
  maxDepth: number = CLOSURE_MAX_DEPTH
): ClosureRow[] {
  const rows: ClosureRow[] = []
  for (const a of chain) {
    for (const s of subtree) {
      const depth = a.depth + 1 + s.depth
      if (depth <= maxDepth) rows.push({ ancestor_id: a.id, descendant_id: s.id, depth })
    }
  }
  return rows
}

/** Per ancestor, how many rows the change adds (sign 1) or removes (sign -1) at each level. */
export function teamCounterDeltas(rows: ClosureRow[], sign: 1 | -1 = 1): Map<string, TeamCounts> {
  const deltas = new Map<string, TeamCounts>()
  for (const row of rows) {
    if (row.depth < 1 || row.depth > 3) continue
    const counts = deltas.get(row.ancestor_id) ?? { level1: 0, level2: 0, level3: 0 }
    counts[`level${row.depth}` as keyof TeamCounts] += sign
    deltas.set(row.ancestor_id, counts)
  }
  return deltas
}

/** The deepest subtree level a link under a chain can still reach (subtree depths above it add nothing). */
export const subtreeDepthNeeded = (maxDepth: number = CLOSURE_MAX_DEPTH) => maxDepth - 1

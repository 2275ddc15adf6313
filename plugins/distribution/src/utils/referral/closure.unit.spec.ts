import { closureRowsForLink, ClosureNode, ClosureRow, teamCounterDeltas } from "./closure"

/** Reference: the depth-≤3 closure recomputed from parent pointers. */
function fullClosure(parent: Map<string, string>): Set<string> {
  const rows = new Set<string>()
  for (const child of parent.keys()) {
    let node = child
    for (let depth = 1; depth <= 3 && parent.has(node); depth++) {
      node = parent.get(node)!
      rows.add(`${node}>${child}@${depth}`)
    }
  }
  return rows
}

/** Incremental model: what the service does on bind/unbind, using the pure functions. */
class Forest {
  parent = new Map<string, string>()
  closure = new Map<string, ClosureRow>()
  counters = new Map<string, { level1: number; level2: number; level3: number }>()

  chain(r: string): ClosureNode[] {
    return [{ id: r, depth: 0 }, ...[...this.closure.values()].filter((x) => x.descendant_id === r).map((x) => ({ id: x.ancestor_id, depth: x.depth }))]
  }
  subtree(x: string): ClosureNode[] {
    return [{ id: x, depth: 0 }, ...[...this.closure.values()].filter((c) => c.ancestor_id === x && c.depth <= 2).map((c) => ({ id: c.descendant_id, depth: c.depth }))]
  }
  private apply(rows: ClosureRow[], sign: 1 | -1) {
    for (const row of rows) {
      const key = `${row.ancestor_id}>${row.descendant_id}@${row.depth}`
      if (sign > 0) {
        expect(this.closure.has(key)).toBe(false)
        this.closure.set(key, row)
      } else {
        expect(this.closure.has(key)).toBe(true)
        this.closure.delete(key)
      }
    }
    for (const [id, d] of teamCounterDeltas(rows, sign)) {
      const c = this.counters.get(id) ?? { level1: 0, level2: 0, level3: 0 }
      this.counters.set(id, { level1: c.level1 + d.level1, level2: c.level2 + d.level2, level3: c.level3 + d.level3 })
    }
  }
  link(x: string, r: string) {
    const old = this.parent.get(x)
    const sub = this.subtree(x)
    if (old) this.apply(closureRowsForLink(this.chain(old), sub), -1)
    this.parent.set(x, r)
    this.apply(closureRowsForLink(this.chain(r), sub), 1)
  }
  unlink(x: string) {
    const old = this.parent.get(x)
    if (!old) return
    this.apply(closureRowsForLink(this.chain(old), this.subtree(x)), -1)
    this.parent.delete(x)
  }
  isAncestorOrSelf(a: string, x: string) {
    for (let n: string | undefined = x; n; n = this.parent.get(n)) if (n === a) return true
    return false
  }
}

function expectConsistent(f: Forest) {
  expect(new Set(f.closure.keys())).toEqual(fullClosure(f.parent))
  const expected = new Map<string, { level1: number; level2: number; level3: number }>()
  for (const row of f.closure.values()) {
    const c = expected.get(row.ancestor_id) ?? { level1: 0, level2: 0, level3: 0 }
    c[`level${row.depth}` as "level1"]++
    expected.set(row.ancestor_id, c)
  }
  for (const [id, c] of f.counters) {
    expect(c).toEqual(expected.get(id) ?? { level1: 0, level2: 0, level3: 0 })
  }
}

describe("referral closure arithmetic", () => {
  it("links a leaf under a chain: one row per ancestor up to depth 3", () => {
    const rows = closureRowsForLink(
      [{ id: "R", depth: 0 }, { id: "P", depth: 1 }, { id: "G", depth: 2 }],
      [{ id: "X", depth: 0 }]
    )
    expect(rows).toEqual([
      { ancestor_id: "R", descendant_id: "X", depth: 1 },
      { ancestor_id: "P", descendant_id: "X", depth: 2 },
      { ancestor_id: "G", descendant_id: "X", depth: 3 },
    ])
    expect(Object.fromEntries(teamCounterDeltas(rows))).toEqual({
      R: { level1: 1, level2: 0, level3: 0 },
      P: { level1: 0, level2: 1, level3: 0 },
      G: { level1: 0, level2: 0, level3: 1 },
    })
  })

  it("links a subtree: sums depths and drops anything deeper than 3", () => {
    const rows = closureRowsForLink(
      [{ id: "R", depth: 0 }, { id: "P", depth: 1 }],
      [{ id: "X", depth: 0 }, { id: "C1", depth: 1 }, { id: "C2", depth: 1 }, { id: "G1", depth: 2 }]
    )
    const key = (r: ClosureRow) => `${r.ancestor_id}>${r.descendant_id}@${r.depth}`
    expect(rows.map(key).sort()).toEqual(
      ["R>X@1", "R>C1@2", "R>C2@2", "R>G1@3", "P>X@2", "P>C1@3", "P>C2@3"].sort()
    )
    expect(Object.fromEntries(teamCounterDeltas(rows, -1))).toEqual({
      R: { level1: -1, level2: -2, level3: -1 },
      P: { level1: 0, level2: -1, level3: -2 },
    })
  })

  it("keeps closure and counters equal to a full recomputation over random binds, rebinds and unbinds", () => {
    let seed = 42 // mulberry32: deterministic, well mixed
    const rand = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) % n
    }
    const f = new Forest()
    const ids = Array.from({ length: 40 }, (_, i) => `c${i}`)
    for (let step = 0; step < 600; step++) {
      const x = ids[rand(ids.length)]
      const r = ids[rand(ids.length)]
      if (rand(20) === 0) f.unlink(x)
      else if (!f.isAncestorOrSelf(x, r)) f.link(x, r) // the service refuses self-referral and cycles
      if (step % 50 === 0) expectConsistent(f)
    }
    expectConsistent(f)
    expect(f.closure.size).toBeGreaterThan(20)
  })
})

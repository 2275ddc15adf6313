import {
  ACTIVE_MEMBERS_BATCH,
  referralDirectory,
  referralDirectoryProvider,
  ReferralDirectorySource,
  registerReferralDirectory,
  unregisterReferralDirectory,
} from "./index"

const REGISTRY_KEY = Symbol.for("fission.referral-directory")
const container = {} as any

/** A provider over a fixed forest A ← B ← C ← D, recording every call it receives. */
function fakeSource() {
  const calls: { method: string; args: unknown[] }[] = []
  const parent: Record<string, string> = { B: "A", C: "B", D: "C" }
  const record = (method: string, ...args: unknown[]) => calls.push({ method, args })
  const source: ReferralDirectorySource = {
    async referrerOf(id) {
      record("referrerOf", id)
      return parent[id] ?? null
    },
    async ancestors(id, depth) {
      record("ancestors", id, depth)
      const up: { customer_id: string; depth: number }[] = []
      for (let node = parent[id], d = 1; node && d <= depth; node = parent[node], d++) up.push({ customer_id: node, depth: d })
      return up
    },
    async teamCounts(id, depth) {
      record("teamCounts", id, depth)
      return id === "A" ? [1, 1, 1].slice(0, depth) : []
    },
    async activeMembersPerLevel(ids, query) {
      record("activeMembersPerLevel", ids, query)
      return Object.fromEntries(ids.filter((id) => id === "A").map((id) => [id, [1, 0, 2].slice(0, query.depth)]))
    },
    async teamLeaderOf(id, depth) {
      record("teamLeaderOf", id, depth)
      return id === "D" ? { customer_id: "B", depth: 2, rank_id: "rank_boss" } : null
    },
  }
  return { calls, source }
}

const may = { from: new Date("2026-05-01T00:00:00Z"), to: new Date("2026-06-01T00:00:00Z"), min_spend: 899, depth: 3 }

describe("referral directory registry", () => {
  afterEach(() => unregisterReferralDirectory())

  it("is null until a provider registers, and null when the provider can't answer in this container", () => {
    expect(referralDirectory(container)).toBeNull()
    expect(referralDirectoryProvider()).toBeNull()
    registerReferralDirectory({ name: "distribution", open: () => null })
    expect(referralDirectoryProvider()).toBe("distribution")
    expect(referralDirectory(container)).toBeNull()
  })

  it("opens the provider with the caller's container and answers through it", async () => {
    const { source } = fakeSource()
    const opened: unknown[] = []
    registerReferralDirectory({ name: "distribution", open: (c) => (opened.push(c), source) })
    const directory = referralDirectory(container)!
    expect(opened).toEqual([container])
    expect(await directory.referrerOf("C")).toBe("B")
    expect(await directory.ancestors("D", 2)).toEqual([
      { customer_id: "C", depth: 1 },
      { customer_id: "B", depth: 2 },
    ])
    expect(await directory.teamCounts("A", 3)).toEqual([1, 1, 1])
    expect(await directory.teamLeaderOf("D", 2)).toEqual({ customer_id: "B", depth: 2, rank_id: "rank_boss" })
  })

  it("caps depths (3 for the tree, 2 for the team leader: money never flows further) and pads counts", async () => {
    const { calls, source } = fakeSource()
    registerReferralDirectory({ name: "distribution", open: () => source })
    const directory = referralDirectory(container)!
    expect(await directory.ancestors("D", 30)).toHaveLength(3)
    expect(await directory.teamLeaderOf("D", 3)).toEqual({ customer_id: "B", depth: 2, rank_id: "rank_boss" })
    expect(await directory.teamCounts("B", 3)).toEqual([0, 0, 0]) // no team: zeros, one per level
    expect(await directory.teamCounts("A", 2)).toEqual([1, 1])
    expect(calls.map((c) => [c.method, c.args[1]])).toEqual([
      ["ancestors", 3],
      ["teamLeaderOf", 2],
      ["teamCounts", 3],
      ["teamCounts", 2],
    ])
    // depth 0 asks nothing
    expect(await directory.ancestors("D", 0)).toEqual([])
    expect(await directory.teamCounts("A", 0)).toEqual([])
    expect(await directory.teamLeaderOf("D", 0)).toBeNull()
    expect(calls).toHaveLength(4)
    for (const bad of [-1, 1.5, NaN, "2" as any]) {
      await expect(directory.ancestors("D", bad)).rejects.toThrow(TypeError)
    }
  })

  it("never sends an unusable id to the provider: empty, non-string or NUL-byte ids are unknown customers", async () => {
    const { calls, source } = fakeSource()
    registerReferralDirectory({ name: "distribution", open: () => source })
    const directory = referralDirectory(container)!
    for (const bad of ["", "cus_\u0000", null as any, 42 as any, "x".repeat(256)]) {
      expect(await directory.referrerOf(bad)).toBeNull()
      expect(await directory.ancestors(bad, 2)).toEqual([])
      expect(await directory.teamCounts(bad, 2)).toEqual([0, 0])
      expect(await directory.teamLeaderOf(bad, 2)).toBeNull()
    }
    expect(await directory.activeMembersPerLevel(["", "A\u0000"], may)).toEqual({})
    expect(calls).toEqual([])
  })

  it("activeMembersPerLevel: every distinct id gets one entry per level; the query reaches the provider normalised", async () => {
    const { calls, source } = fakeSource()
    registerReferralDirectory({ name: "distribution", open: () => source })
    const directory = referralDirectory(container)!
    const result = await directory.activeMembersPerLevel(["A", "B", "A"], {
      from: "2026-05-01T00:00:00Z",
      to: may.to,
      min_spend: "899.50",
      depth: 7,
      currency_code: "CNY",
    })
    expect(result).toEqual({ A: [1, 0, 2], B: [0, 0, 0] })
    expect(calls).toEqual([
      {
        method: "activeMembersPerLevel",
        args: [["A", "B"], { from: may.from, to: may.to, min_spend: "899.50", depth: 3, currency_code: "cny" }],
      },
    ])
    expect((calls[0].args[1] as any).min_spend).toBe("899.50")
    await directory.activeMembersPerLevel(["A"], { ...may, min_spend: 899.9, depth: 1 })
    expect(calls[1].args[1]).toMatchObject({ min_spend: "899.9", depth: 1 })
  })

  it("activeMembersPerLevel: an empty period or depth 0 asks nothing; malformed queries are TypeErrors", async () => {
    const { calls, source } = fakeSource()
    registerReferralDirectory({ name: "distribution", open: () => source })
    const directory = referralDirectory(container)!
    expect(await directory.activeMembersPerLevel(["A"], { ...may, to: may.from })).toEqual({ A: [0, 0, 0] })
    expect(await directory.activeMembersPerLevel(["A"], { ...may, depth: 0 })).toEqual({ A: [] })
    expect(calls).toEqual([])
    for (const min_spend of [-1, "1e3", "12,5", NaN, Infinity, null]) {
      await expect(directory.activeMembersPerLevel(["A"], { ...may, min_spend: min_spend as any })).rejects.toThrow(TypeError)
    }
    await expect(directory.activeMembersPerLevel(["A"], { ...may, from: "not a date" })).rejects.toThrow(TypeError)
    await expect(directory.activeMembersPerLevel(["A"], { ...may, currency_code: "yuan" })).rejects.toThrow(TypeError)
    await expect(directory.activeMembersPerLevel("A" as any, may)).rejects.toThrow(TypeError)
  })

  it("activeMembersPerLevel: a large call is split into batches and merged", async () => {
    const { calls, source } = fakeSource()
    registerReferralDirectory({ name: "distribution", open: () => source })
    const ids = ["A", ...Array.from({ length: 2 * ACTIVE_MEMBERS_BATCH }, (_, i) => `cus_${i}`)]
    const result = await referralDirectory(container)!.activeMembersPerLevel(ids, may)
    expect(calls.map((c) => (c.args[0] as string[]).length)).toEqual([ACTIVE_MEMBERS_BATCH, ACTIVE_MEMBERS_BATCH, 1])
    expect(Object.keys(result)).toHaveLength(ids.length)
    expect(result.A).toEqual([1, 0, 2])
    expect(result[`cus_${2 * ACTIVE_MEMBERS_BATCH - 1}`]).toEqual([0, 0, 0])
  })

  it("rejects a malformed provider, and registering again replaces the provider", async () => {
    expect(() => registerReferralDirectory({ name: " ", open: () => null })).toThrow(TypeError)
    expect(() => registerReferralDirectory({ name: "x" } as any)).toThrow(TypeError)
    const first = fakeSource()
    const second = fakeSource()
    registerReferralDirectory({ name: "distribution", open: () => first.source })
    registerReferralDirectory({ name: "distribution", open: () => second.source })
    await referralDirectory(container)!.referrerOf("B")
    expect([first.calls.length, second.calls.length]).toEqual([0, 1])
    expect(unregisterReferralDirectory()).toBe(true)
    expect(unregisterReferralDirectory()).toBe(false)
  })

  it("keeps the provider on globalThis so separately loaded copies of core share it", async () => {
    let copy: typeof import("./index") | undefined
    jest.isolateModules(() => {
      copy = require("./index")
    })
    expect(copy!.registerReferralDirectory).not.toBe(registerReferralDirectory)
    const { source } = fakeSource()
    copy!.registerReferralDirectory({ name: "distribution", open: () => source })
    expect((globalThis as any)[REGISTRY_KEY].provider.name).toBe("distribution")
    expect(await referralDirectory(container)!.referrerOf("D")).toBe("C")
  })
})

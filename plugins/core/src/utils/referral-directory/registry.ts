import { MedusaContainer } from "@medusajs/framework/types"
import { activeMembersQueryOf, customerIdsOf, depthOf, isCustomerId } from "./normalize"
import {
  ACTIVE_MEMBERS_BATCH,
  ActiveMembersPerLevel,
  REFERRAL_DIRECTORY_MAX_DEPTH,
  ReferralDirectory,
  ReferralDirectoryProvider,
  ReferralDirectorySource,
  TEAM_LEADER_MAX_DEPTH,
} from "./types"

const REGISTRY_KEY = Symbol.for("fission.referral-directory")

/**
 * One slot on `globalThis` under a `Symbol.for` key, for the same reason as the
 * cart-check registry: a plugin can be loaded through several module paths (its
 * package export, its build folder during Medusa's boot, a test importing the
 * source), and every copy of core must see the provider distribution registered.
 */
type Slot = { provider?: ReferralDirectoryProvider }
const slot = (): Slot => {
  const store = globalThis as unknown as Record<symbol, Slot | undefined>
  return (store[REGISTRY_KEY] ??= {})
}

/**
 * Registers the plugin that keeps the referral forest (@fission/distribution).
 * Call it at module load time from a file in the plugin's `src/workflows/hooks/`
 * folder — Medusa imports every plugin's workflows folder at boot, so the
 * directory is there before the first request:
 *
 *     // plugins/distribution/src/workflows/hooks/referral-directory.ts
 *     registerReferralDirectory({ name: "distribution", open: (container) => ({ referrerOf: …, … }) })
 *
 * There is one directory: registering again replaces the provider (reloading
 * the file is harmless).
 */
export function registerReferralDirectory(provider: ReferralDirectoryProvider): void {
  if (!provider || typeof provider.name !== "string" || !provider.name.trim() || typeof provider.open !== "function") {
    throw new TypeError("registerReferralDirectory: { name, open(container) } is required")
  }
  slot().provider = provider
}

/** Removes the provider (tests, or a plugin switched off at runtime); returns whether one was registered. */
export function unregisterReferralDirectory(): boolean {
  const had = !!slot().provider
  delete slot().provider
  return had
}

/** The registered provider's name, or null. */
export const referralDirectoryProvider = (): string | null => slot().provider?.name ?? null

const zeros = (n: number) => Array.from({ length: n }, () => 0)

/** Wraps the provider's queries with the input checks and caps every caller relies on. */
function guarded(directory: ReferralDirectorySource): ReferralDirectory {
  return {
    async referrerOf(customer_id) {
      if (!isCustomerId(customer_id)) return null
      return (await directory.referrerOf(customer_id)) ?? null
    },
    async ancestors(customer_id, depth) {
      const d = depthOf(depth, REFERRAL_DIRECTORY_MAX_DEPTH, "ancestors")
      if (!d || !isCustomerId(customer_id)) return []
      return (await directory.ancestors(customer_id, d)).slice(0, d)
    },
    async teamCounts(customer_id, depth) {
      const d = depthOf(depth, REFERRAL_DIRECTORY_MAX_DEPTH, "teamCounts")
      if (!d || !isCustomerId(customer_id)) return zeros(d)
      const counts = await directory.teamCounts(customer_id, d)
      return zeros(d).map((_, i) => Number(counts[i] ?? 0))
    },
    async activeMembersPerLevel(customer_ids, query) {
      const q = activeMembersQueryOf(query, REFERRAL_DIRECTORY_MAX_DEPTH)
      const ids = customerIdsOf(customer_ids)
      const result: ActiveMembersPerLevel = {}
      for (const id of ids) result[id] = zeros(q.depth)
      if (!q.depth || q.from >= q.to) return result
      // bounded statements: one set-based query per batch, batches one after the other
      for (let i = 0; i < ids.length; i += ACTIVE_MEMBERS_BATCH) {
        const batch = ids.slice(i, i + ACTIVE_MEMBERS_BATCH)
        const found = await directory.activeMembersPerLevel(batch, q)
        for (const id of batch) {
          const levels = found[id]
          if (levels) result[id] = result[id].map((_, l) => Number(levels[l] ?? 0))
        }
      }
      return result
    },
    async teamLeaderOf(customer_id, depth) {
      const d = depthOf(depth, TEAM_LEADER_MAX_DEPTH, "teamLeaderOf")
      if (!d || !isCustomerId(customer_id)) return null
      const leader = await directory.teamLeaderOf(customer_id, d)
      return leader && leader.depth <= d ? leader : null
    },
  }
}

/**
 * The referral directory of this app, or **null when no plugin keeps a referral
 * forest** (@fission/distribution not installed, or its module not loaded in
 * this container). Callers must treat null as "the features that need the tree
 * are off" — e.g. no invite reward, no team condition met beyond level 0 — and
 * never fail because of it:
 *
 *     const directory = referralDirectory(container)
 *     const referrer = directory ? await directory.referrerOf(customerId) : null
 *
 * Read-only: nothing here changes the forest. Bad input never reaches the
 * database: an unusable customer id (empty, NUL byte) is an unknown customer
 * (null / [] / zeros); depths are capped; a non-integer depth, or a malformed
 * period or amount, is a TypeError (a bug in the caller).
 */
export function referralDirectory(container: MedusaContainer): ReferralDirectory | null {
  const provider = slot().provider
  if (!provider) return null
  const directory = provider.open(container)
  return directory ? guarded(directory) : null
}

import { MedusaContainer } from "@medusajs/framework/types"

/**
 * Read-only questions about the referral forest that other plugins ask without
 * knowing who keeps it (today @fission/distribution, SPEC §2). Rebates counts
 * active members per level for its team-structure conditions (§3.1); blind box
 * pays the direct referrer and the team leader (§7.1); membership rewards the
 * inviter (§6.4, §6.6).
 *
 * Every answer reflects the live bindings: a binding that has expired ends the
 * chain above it ("an expired binding pays nothing and cuts everything above it
 * off"); team counts and levels come from the forest's depth-3 closure, which
 * drops an expired binding when distribution's daily expiry job removes it.
 */
export interface ReferralDirectory {
  /** The customer's direct referrer (an unexpired binding), or null. */
  referrerOf(customer_id: string): Promise<string | null>

  /**
   * The customer's ancestors, nearest first (depth 1 = the direct referrer), up
   * to `depth` levels (capped at {@link REFERRAL_DIRECTORY_MAX_DEPTH}); the walk
   * stops at the first expired binding.
   */
  ancestors(customer_id: string, depth: number): Promise<ReferralAncestor[]>

  /**
   * Team members per level: `[level 1, level 2, …]` with `depth` entries
   * (capped at {@link REFERRAL_DIRECTORY_MAX_DEPTH}); zeros for a customer with no team.
   */
  teamCounts(customer_id: string, depth: number): Promise<number[]>

  /**
   * For each given customer: how many members at each level 1..depth had paid
   * merchandise (items after discounts, no shipping or tax) net of refunds of at
   * least `min_spend` in [from, to) — "active" in SPEC §3.1's team structure.
   * Every given customer is in the result with `depth` entries; one set-based
   * query per batch of {@link ACTIVE_MEMBERS_BATCH} customers.
   */
  activeMembersPerLevel(customer_ids: string[], query: ActiveMembersQuery): Promise<ActiveMembersPerLevel>

  /**
   * The nearest ancestor within `depth` levels (capped at
   * {@link TEAM_LEADER_MAX_DEPTH}: money never flows more than 2 levels up,
   * SPEC §0.6) who is an active promoter holding a leader rank; null if none.
   */
  teamLeaderOf(customer_id: string, depth: number): Promise<TeamLeader | null>
}

export type ReferralAncestor = {
  customer_id: string
  /** 1 = the direct referrer. */
  depth: number
}

export type TeamLeader = {
  customer_id: string
  /** Levels above the customer (1 = the direct referrer). */
  depth: number
  /** The leader's rank (a distribution rank id). */
  rank_id: string
}

export type ActiveMembersQuery = {
  /** Period start, inclusive. */
  from: Date | string
  /** Period end, exclusive. */
  to: Date | string
  /** Minimum paid merchandise net of refunds in the period, major units (e.g. 899). */
  min_spend: number | string
  /** Levels to count, 1..{@link REFERRAL_DIRECTORY_MAX_DEPTH}. */
  depth: number
  /** Only orders in this currency; omitted = every order (a store has one currency, SPEC §2.6). */
  currency_code?: string
}

/** customer id → active members per level, `[level 1, level 2, …]`. */
export type ActiveMembersPerLevel = Record<string, number[]>

/** The query as a provider receives it: instants, an exact decimal, a capped depth ≥ 1, a lower-case currency. */
export type NormalizedActiveMembersQuery = { from: Date; to: Date; min_spend: string; depth: number; currency_code?: string }

/** What a provider implements: the directory's queries, called with normalised input only. */
export type ReferralDirectorySource = Omit<ReferralDirectory, "activeMembersPerLevel"> & {
  activeMembersPerLevel(customer_ids: string[], query: NormalizedActiveMembersQuery): Promise<ActiveMembersPerLevel>
}

/**
 * What the referral-keeping plugin registers. `open` binds the queries to a
 * container and returns null when it can't answer there (e.g. its module is not
 * registered in that app). Core hands the provider normalised input only (see
 * `referralDirectory`): valid ids, integer depths within the caps, exact decimal
 * `min_spend`, `from < to`, at most {@link ACTIVE_MEMBERS_BATCH} ids at once.
 */
export type ReferralDirectoryProvider = {
  /** Who answers, e.g. `distribution`. */
  name: string
  open(container: MedusaContainer): ReferralDirectorySource | null
}

/** Team-structure conditions count to depth 3 (SPEC §0.6, §3.1). */
export const REFERRAL_DIRECTORY_MAX_DEPTH = 3
/** Money never flows more than 2 levels up (SPEC §0.6). */
export const TEAM_LEADER_MAX_DEPTH = 2
/** Customers per activeMembersPerLevel query; larger calls are split and merged. */
export const ACTIVE_MEMBERS_BATCH = 5_000

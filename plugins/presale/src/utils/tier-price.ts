/**
 * The pre-sale rule (SPEC §5.2), in integer minor units. Pure: no I/O, no floating point.
 *
 *   level(count)  = min(max_steps, ⌊count / interval⌋)        rebate steps reached
 *   tier(count)   = base − step × level(count)                 what a joiner pays now, and
 *                                                              every participant's net price
 *   net(p)        = 0 for a free-order winner, else tier(count)
 *   owed(p)       = max(0, paid(p) − net(p))                   refunds owed in total by now
 *
 * The refund engine issues owed − already requested, so the total refunded to a participant
 * only ever rises to what it should be, whatever the order of events or the retries.
 */
export type TierRules = {
  /** base price, minor units */
  base: bigint
  /** rebate per step, minor units */
  step: bigint
  /** participants per step (≥ 1) */
  interval: number
  /** maximum number of steps (≥ 0) */
  max_steps: number
}

export function levelAt(rules: Pick<TierRules, "interval" | "max_steps">, count: number): number {
  if (!Number.isSafeInteger(count) || count < 0) throw new TypeError(`count must be a non-negative integer, got ${count}`)
  if (!Number.isSafeInteger(rules.interval) || rules.interval < 1) throw new TypeError("interval must be ≥ 1")
  return Math.min(rules.max_steps, Math.floor(count / rules.interval))
}

/** The tier price with `count` participants: base − step × level. */
export function tierPriceAt(rules: TierRules, count: number): bigint {
  const price = rules.base - rules.step * BigInt(levelAt(rules, count))
  return price < 0n ? 0n : price
}

/** The price the next joiner pays (there are `count` participants already). */
export const joinPrice = (rules: TierRules, count: number): bigint => tierPriceAt(rules, count)

/** A participant's net price once there are `count` participants. */
export const netPrice = (rules: TierRules, count: number, won: boolean): bigint => (won ? 0n : tierPriceAt(rules, count))

/** Refunds owed to a participant in total by now. */
export function refundOwed(rules: TierRules, count: number, paid: bigint, won: boolean): bigint {
  const owed = paid - netPrice(rules, count, won)
  return owed > 0n ? owed : 0n
}

/** What is still to refund: owed − already requested (never negative). */
export function refundDue(owed: bigint, alreadyRequested: bigint): bigint {
  return owed > alreadyRequested ? owed - alreadyRequested : 0n
}

/** The next participant count at which the price drops (null once max_steps is reached). */
export function nextRebateThreshold(rules: Pick<TierRules, "interval" | "max_steps">, count: number): number | null {
  const level = levelAt(rules, count)
  if (level >= rules.max_steps) return null
  return (level + 1) * rules.interval
}

/** Free-order rounds reached with `count` participants (round r is drawn at (r + 1) × interval). */
export function freeRoundsAt(freeInterval: number | null | undefined, count: number): number {
  if (!freeInterval || freeInterval < 1) return 0
  return Math.floor(count / freeInterval)
}

/** The next count at which a free order is drawn (null without free orders). */
export function nextFreeDrawAt(freeInterval: number | null | undefined, count: number, rounds: number): number | null {
  if (!freeInterval || freeInterval < 1) return null
  const next = freeRoundsAt(freeInterval, count) + 1
  return next > rounds ? null : next * freeInterval
}

/**
 * How many free-order draws participant number `position` is (or will be) in, with
 * `count` participants so far: the rounds whose threshold is ≥ their number — earlier
 * joiners are in more draws (SPEC §5.2). Counts rounds drawn by now.
 */
export function drawsEntered(freeInterval: number | null | undefined, position: number, count: number): number {
  if (!freeInterval || freeInterval < 1) return 0
  const drawn = freeRoundsAt(freeInterval, count)
  const first = Math.ceil(position / freeInterval) // first round (1-based) whose threshold ≥ position
  return Math.max(0, drawn - first + 1)
}

export type Projection = {
  count: number
  level: number
  price: bigint
  free_orders: number
  /** what participants paid, each the tier price of their moment */
  paid: bigint
  /** what the store keeps: (count − free) × final price */
  revenue: bigint
  refunded: bigint
  /** revenue − count × unit cost (null without a unit cost) */
  margin: bigint | null
}

/**
 * The campaign's numbers at `count` participants, assuming each joined at the tier price of
 * their moment (the SPEC §5.3 check): paid = Σ tier(i − 1) for i = 1..count, revenue =
 * (count − free) × tier(count), refunded = paid − revenue. The totals hold whoever wins.
 */
export function project(rules: TierRules, count: number, freeInterval: number | null | undefined, unitCost: bigint | null = null, maxFreeRounds = Infinity): Projection {
  let paid = 0n
  // sum by tier blocks, not per participant: O(max_steps)
  let i = 0
  while (i < count) {
    const level = levelAt(rules, i)
    const blockEnd = level >= rules.max_steps ? count : Math.min(count, (level + 1) * rules.interval)
    paid += BigInt(blockEnd - i) * tierPriceAt(rules, i)
    i = blockEnd
  }
  const free = Math.min(freeRoundsAt(freeInterval, count), maxFreeRounds)
  const price = tierPriceAt(rules, count)
  const revenue = BigInt(count - free) * price
  return {
    count,
    level: levelAt(rules, count),
    price,
    free_orders: free,
    paid,
    revenue,
    refunded: paid - revenue,
    margin: unitCost === null ? null : revenue - BigInt(count) * unitCost,
  }
}

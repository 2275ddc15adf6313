import { fromMinor, mulDiv, rateFraction, roundToMinor } from "@fission/core/utils"

export type CommissionRule =
  | { mode: "rate"; level1: string | number; level2: string | number }
  | { mode: "fixed"; level1: string | number; level2: string | number }
  | { mode: "excluded" }

export type CommissionLine = {
  line_item_id: string
  product_id: string | null
  variant_id: string | null
  quantity: number
  /** What the buyer paid for the line after discounts, excluding shipping and tax. */
  base: string
}

export type Beneficiary = {
  customer_id: string
  /** 1 = direct (or the buyer on a self-purchase), 2 = indirect. */
  level: 1 | 2
  kind: "sale" | "self_purchase"
  /** The beneficiary's rank may override the store's level rates. */
  rates?: { level1?: string | number | null; level2?: string | number | null }
}

export type LineCommission = {
  line_item_id: string
  product_id: string | null
  beneficiary_id: string
  level: 1 | 2
  kind: "sale" | "self_purchase" | "team_leader"
  base: string
  rate: string | null
  fixed_per_unit: string | null
  quantity: number
  amount: string
}

/**
 * Commissions of one line item (SPEC §2.4). Rate rules pay `base × rate` rounded
 * half-up to the cent; fixed rules pay `amount × quantity` — together never more
 * than the base. The platform keeps the rest, so nothing is lost to rounding.
 * A product/variant rule overrides the store rates; a rank's rates override a
 * rate rule (not a fixed one, which the product owner set deliberately).
 */
export function computeLineCommissions(
  line: CommissionLine,
  rule: CommissionRule,
  beneficiaries: Beneficiary[]
): LineCommission[] {
  if (rule.mode === "excluded" || line.quantity <= 0) return []
  let left = roundToMinor(line.base)
  const out: LineCommission[] = []
  for (const b of beneficiaries) {
    if (left <= 0n) break
    let amount: bigint
    let rate: string | null = null
    let fixed: string | null = null
    if (rule.mode === "fixed") {
      fixed = String(b.level === 1 ? rule.level1 : rule.level2)
      amount = roundToMinor(fixed) * BigInt(line.quantity)
    } else {
      const override = b.level === 1 ? b.rates?.level1 : b.rates?.level2
      rate = String(override ?? (b.level === 1 ? rule.level1 : rule.level2))
      const [num, den] = rateFraction(rate)
      amount = mulDiv(roundToMinor(line.base), num, den)
    }
    if (amount > left) amount = left
    if (amount <= 0n) continue
    left -= amount
    out.push({
      line_item_id: line.line_item_id,
      product_id: line.product_id,
      beneficiary_id: b.customer_id,
      level: b.level,
      kind: b.kind,
      base: line.base,
      rate,
      fixed_per_unit: fixed,
      quantity: line.quantity,
      amount: fromMinor(amount),
    })
  }
  return out
}

/**
 * Who earns on an order: the buyer's upline, nearest first, at most `depth`
 * (1 or 2 — the legal cap, §0.6). With self-purchase on and the buyer an active
 * promoter, the buyer takes level 1 and their referrer level 2.
 */
export function beneficiariesFor({
  buyer,
  ancestors,
  depth,
  selfPurchase,
}: {
  buyer: { customer_id: string; is_active_promoter: boolean }
  ancestors: { customer_id: string; is_active_promoter: boolean }[]
  depth: number
  selfPurchase: boolean
}): Omit<Beneficiary, "rates">[] {
  const cap = Math.min(Math.max(depth, 0), 2)
  const chain = selfPurchase && buyer.is_active_promoter ? [buyer, ...ancestors] : ancestors
  return chain
    .slice(0, cap)
    .map((c, i) => ({
      customer_id: c.customer_id,
      level: (i + 1) as 1 | 2,
      kind: (c === buyer ? "self_purchase" : "sale") as Beneficiary["kind"],
      active: c.is_active_promoter,
    }))
    .filter((b) => b.active)
    .map(({ active, ...b }) => b)
}

/**
 * The team-leader share of one line (SPEC §2.5): `base × rate` for the nearest
 * ancestor with a leader rank within the depth cap, from what the line's other
 * commissions left of the base.
 */
export function leaderShare(
  line: CommissionLine,
  leader: { customer_id: string; level: 1 | 2; rate: string | number },
  alreadyPaid: string[]
): LineCommission | null {
  const left = roundToMinor(line.base) - alreadyPaid.reduce((sum, a) => sum + roundToMinor(a), 0n)
  const [num, den] = rateFraction(String(leader.rate))
  let amount = mulDiv(roundToMinor(line.base), num, den)
  if (amount > left) amount = left
  if (amount <= 0n) return null
  return {
    line_item_id: line.line_item_id,
    product_id: line.product_id,
    beneficiary_id: leader.customer_id,
    level: leader.level,
    kind: "team_leader",
    base: line.base,
    rate: String(leader.rate),
    fixed_per_unit: null,
    quantity: line.quantity,
    amount: fromMinor(amount),
  }
}

/**
 * The opt-in "help mechanism" (`pass_up_count`, SPEC §2.5): while a referrer is
 * not yet promoted, sales of their first N recruits are credited to the
 * referrer's own upline — still at most 2 levels above the buyer, so the level-2
 * share is dropped.
 */
export function passUp<T>(ancestors: T[], referrerPromoted: boolean, recruitIndex: number, passUpCount: number): T[] {
  if (passUpCount <= 0 || referrerPromoted || recruitIndex < 0 || recruitIndex >= passUpCount) return ancestors
  return ancestors.slice(1, 2)
}

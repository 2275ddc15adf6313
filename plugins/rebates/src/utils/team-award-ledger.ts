import { MedusaContainer } from "@medusajs/framework/types"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { customer, fromMinor, platform, roundToMinor, toMinor } from "@fission/core/utils"

type Resolver = MedusaContainer

export const TEAM_AWARD_REASON = "commission.team_reward"
export const teamAwardPointsKey = (posting_id: string) => `rebates:team-award:${posting_id}:points`
export const teamAwardHoldKey = (posting_id: string) => `rebates:team-award:${posting_id}:hold`

export { pointsForAward } from "./team-award-reversal"

/** A customer's available balance of `asset` (decimal text; "0" without an account). */
export async function availableOf(container: Resolver, customer_id: string, asset: string, currency_code: string | null = null) {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  const balances: any[] = (await ledger.retrieveBalances({ owner_type: "customer", owner_id: customer_id })) as any
  const row = balances.find((b) => b.asset === asset && b.purpose === "main" && (currency_code === null || b.currency_code === currency_code))
  return row ? String(row.available) : "0"
}

/**
 * Takes the award's points from the member (customer → `platform:rebates_team_awards`).
 * Returns false when the balance does not cover them (the ledger's conditional debit decides).
 */
export async function consumeAwardPoints(container: Resolver, award: { posting_id: string; customer_id: string; points: number }) {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  try {
    await ledger.post([
      {
        idempotency_key: teamAwardPointsKey(award.posting_id),
        asset: "dividend_points",
        amount: String(award.points),
        from: customer(award.customer_id),
        to: platform("rebates_team_awards"),
        reason: "rebates.team_award_points",
        source_type: "rebates.team_award",
        source_id: award.posting_id,
      },
    ])
    return true
  } catch (e: any) {
    if (/Insufficient/i.test(String(e?.message))) return false
    throw e
  }
}

/** Holds (a pending debit) up to the award's commission while it is frozen; returns what was held. */
export async function holdAward(
  container: Resolver,
  award: { posting_id: string; customer_id: string; currency_code: string; amount: string }
): Promise<string> {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  const available = await availableOf(container, award.customer_id, "commission", award.currency_code)
  const want = toMinor(award.amount)
  const have = roundToMinor(available)
  const hold = have < want ? have : want
  if (hold <= 0n) return "0"
  const amount = fromMinor(hold)
  try {
    const [r] = await ledger.post([
      {
        idempotency_key: teamAwardHoldKey(award.posting_id),
        asset: "commission",
        currency_code: award.currency_code,
        amount,
        from: customer(award.customer_id),
        to: platform("rebates_frozen_awards"),
        status: "pending",
        reason: "rebates.team_award_frozen",
        source_type: "rebates.team_award",
        source_id: award.posting_id,
      },
    ])
    return String(r.posting.amount)
  } catch (e: any) {
    // spent meanwhile: frozen without a hold
    if (/Insufficient/i.test(String(e?.message))) return "0"
    throw e
  }
}

/** Gives a frozen award's held commission back (voids the hold); a missing hold is nothing to give back. */
export async function voidHold(container: Resolver, posting_id: string) {
  const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
  try {
    await ledger.settle([{ idempotency_key: teamAwardHoldKey(posting_id), action: "void" }])
  } catch (e: any) {
    if (e?.type === "not_found" || /was not found/.test(String(e?.message))) return
    throw e
  }
}

/** Gives back a consumed award's points up to a cumulative `total` (the original points debit reversed to it). */
export async function returnAwardPoints(container: Resolver, posting_id: string, total: number) {
  if (total <= 0) return
  await container.resolve<LedgerModuleService>(LEDGER_MODULE).reverse([
    {
      idempotency_key: teamAwardPointsKey(posting_id),
      reversal_key: `${teamAwardPointsKey(posting_id)}:returned-to:${total}`,
      to_total: String(total),
      reason: "rebates.team_award_points_returned",
    },
  ])
}

/** Lowers a frozen award's hold by a cumulative `total` (a reduction of the pending debit; voided with it on release). */
export async function reduceHold(container: Resolver, posting_id: string, total: string) {
  if (toMinor(total) <= 0n) return
  try {
    await container.resolve<LedgerModuleService>(LEDGER_MODULE).reverse([
      {
        idempotency_key: teamAwardHoldKey(posting_id),
        reversal_key: `${teamAwardHoldKey(posting_id)}:reduced-to:${total}`,
        to_total: total,
        reason: "rebates.team_award_hold_reduced",
      },
    ])
  } catch (e: any) {
    // frozen without a hold: nothing to lower
    if (e?.type === "not_found" || /was not found/.test(String(e?.message))) return
    throw e
  }
}

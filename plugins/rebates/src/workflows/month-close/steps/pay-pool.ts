import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { customer, platform } from "@fission/core/utils"
import { transferToStoreCreditInBatches } from "@fission/core/workflows"
import { POINTS_RESET_REASON, POOL_PAYOUT_REASON, POOL_SOURCE_TYPE, proRataInputOf } from "../../../utils/month-close-plan"

const CONSUME_BATCH = 1_000

/**
 * Pays the month's pool (SPEC §3.3).
 * - `commission` (default): one set-based ledger run (`postProRata`): every share of
 *   every holder above the threshold, largest remainder, inserted in one transaction;
 *   with `reset`, the holders' points go to `platform:rebates_points_reset` in the same
 *   transaction. Idempotent per run: a re-run posts nothing.
 * - `store_credit`: the same shares, computed set-based, then credited to each
 *   holder's loyalty store credit in batches (keyed per month and holder, so a retry
 *   pays once), any number of holders.
 *
 * No compensation, on purpose: payouts are money handed out under idempotency keys of
 * the run; a failure later in the close leaves them paid and the run resumable.
 */
export const payPoolStep = createStep(
  "fission-rebates-pay-pool",
  async (input: { run: any; replayed: boolean; pool_minor: string }, { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const { run } = input
    if (input.replayed) return new StepResponse({ holders: Number(run.holders), postings: 0, paid_total: String(run.paid_amount), consumed: 0, basis_total: run.total_points })
    const base = proRataInputOf({
      month: run.month,
      run_id: run.id,
      currency_code: run.currency_code,
      pool_minor: BigInt(input.pool_minor),
      threshold: Number(run.threshold),
      asset: run.payout_destination === "store_credit" ? "store_credit" : "commission",
      reset: run.points_after_close === "reset",
    })
    if (run.payout_destination !== "store_credit") {
      const result = await ledger.postProRata(base)
      return new StepResponse({
        holders: result.holders,
        postings: result.postings,
        paid_total: result.paid_total,
        consumed: result.consumed,
        basis_total: result.basis_total,
      })
    }
    // the shares computed set-based, then paid through loyalty in batches (transferToStoreCreditInBatches:
    // idempotent per holder, so a retry of a failed close finishes the payout instead of paying twice)
    const preview = await ledger.postProRata({ ...base, dry_run: true, sample: "all" })
    const paid = await transferToStoreCreditInBatches(
      container,
      preview.shares
        .filter((s) => Number(s.amount) > 0)
        .map((share) => ({
          customer_id: share.customer_id,
          currency_code: run.currency_code,
          amount: share.amount,
          idempotency_key: `rebates:pool:${run.month}:${share.customer_id}`,
          asset: "store_credit" as const,
          from: platform("rebates_pool"),
          reason: POOL_PAYOUT_REASON,
          source_type: POOL_SOURCE_TYPE,
          source_id: run.id,
        }))
    )
    const postings = paid.paid
    let consumed = 0
    for (let i = 0; base.consume_basis && i < preview.shares.length; i += CONSUME_BATCH) {
      const results = await ledger.post(
        preview.shares.slice(i, i + CONSUME_BATCH).map((s) => ({
          idempotency_key: `${base.consume_basis!.key_prefix}${s.customer_id}`,
          asset: "dividend_points" as const,
          amount: s.basis,
          from: customer(s.customer_id),
          to: platform(base.consume_basis!.to),
          reason: POINTS_RESET_REASON,
          source_type: POOL_SOURCE_TYPE,
          source_id: run.id,
        }))
      )
      consumed += results.filter((r) => !r.replayed).length
    }
    return new StepResponse({ holders: preview.holders, postings, paid_total: preview.paid_total, consumed, basis_total: preview.basis_total })
  }
)

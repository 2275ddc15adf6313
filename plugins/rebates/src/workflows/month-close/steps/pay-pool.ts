import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { customer, forEachConcurrently, platform } from "@fission/core/utils"
import { transferToStoreCreditWorkflow } from "@fission/core/workflows"
import { POINTS_RESET_REASON, POOL_PAYOUT_REASON, POOL_SOURCE_TYPE, proRataInputOf } from "../../../utils/month-close-plan"

/** Store-credit payouts go through the loyalty plugin one account at a time: at most this many holders. */
export const STORE_CREDIT_MAX_HOLDERS = 10_000

/**
 * Pays the month's pool (SPEC §3.3).
 * - `commission` (default): one set-based ledger run (`postProRata`): every share of
 *   every holder above the threshold, largest remainder, inserted in one transaction;
 *   with `reset`, the holders' points go to `platform:rebates_points_reset` in the same
 *   transaction. Idempotent per run: a re-run posts nothing.
 * - `store_credit`: the same shares, computed set-based, then credited to each
 *   holder's loyalty store credit (keyed per month and holder, so a retry pays once).
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
    const preview = await ledger.postProRata({ ...base, dry_run: true, sample: STORE_CREDIT_MAX_HOLDERS })
    if (preview.holders > STORE_CREDIT_MAX_HOLDERS) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `${preview.holders} holders share the pool; store-credit payouts are limited to ${STORE_CREDIT_MAX_HOLDERS} — pay to commission instead`
      )
    }
    let postings = 0
    await forEachConcurrently(
      preview.shares.filter((s) => Number(s.amount) > 0),
      4,
      async (share) => {
        const run_ = transferToStoreCreditWorkflow(container).run({
          input: {
            customer_id: share.customer_id,
            currency_code: run.currency_code,
            amount: share.amount,
            idempotency_key: `rebates:pool:${run.month}:${share.customer_id}`,
            asset: "store_credit",
            from: platform("rebates_pool"),
            reason: POOL_PAYOUT_REASON,
            source_type: POOL_SOURCE_TYPE,
            source_id: run.id,
          },
        })
        try {
          await run_
          postings++
        } catch (e: any) {
          // paid by an earlier attempt of this run with other balances: it stays paid once
          if (e?.type !== "duplicate_error") throw e
        }
      }
    )
    let consumed = 0
    if (base.consume_basis) {
      const results = await ledger.post(
        preview.shares.map((s) => ({
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
      consumed = results.filter((r) => !r.replayed).length
    }
    return new StepResponse({ holders: preview.holders, postings, paid_total: preview.paid_total, consumed, basis_total: preview.basis_total })
  }
)

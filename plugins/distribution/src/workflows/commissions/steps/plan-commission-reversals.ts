import { MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { proportionalReversal } from "../../../utils/commissions"
import { CommissionUpdate } from "./update-commission-status"

export type ReversalCause = {
  order_id: string
  cause: "cancel" | "refund" | "return"
  /** Refund or return id (the order id for a cancel): one reversal per cause. */
  cause_id: string
  /** Refund: amount refunded and what the order was paid in total. */
  refund?: { amount: string; paid_total: string }
  /** Return: quantities received back per line item. */
  returned?: { line_item_id: string; quantity: number }[]
}

/**
 * Turns a cancel, refund or return into ledger reversals of the order's
 * commissions, in proportion (SPEC §0.4): a cancel reverses everything left, a
 * refund `amount / paid_total` of each commission, a return the returned share of
 * each line. Keys `<posting_key>:<cause>:<cause_id>` make each cause apply once.
 */
export const planCommissionReversalsStep = createStep(
  "fission-plan-commission-reversals",
  async (input: ReversalCause, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const records = await service.listCommissions({ order_id: input.order_id })
    // a redelivered refund/return/cancel finds its reversals already posted: plan nothing for them
    const keyOf = (r: { posting_key: string }) => `${r.posting_key}:${input.cause}:${input.cause_id}`
    const done = new Set(
      (
        await ledger.listLedgerPostings(
          { idempotency_key: records.flatMap((r) => [keyOf(r), `${keyOf(r)}:debt`]) },
          { select: ["idempotency_key"] }
        )
      ).map((p: { idempotency_key: string }) => p.idempotency_key.replace(/:debt$/, ""))
    )
    const reversals: { idempotency_key: string; reversal_key: string; amount: string; on_shortfall: "debt"; reason: string }[] = []
    const updates: CommissionUpdate[] = []
    for (const r of records) {
      if (r.status === "voided" || r.status === "reversed" || done.has(keyOf(r))) continue
      let amount: string
      if (input.cause === "cancel") {
        amount = MathBN.sub(r.amount, r.reversed_amount).toFixed()
      } else if (input.cause === "refund" && input.refund) {
        amount = proportionalReversal(String(r.amount), String(r.reversed_amount), input.refund.amount, input.refund.paid_total)
      } else {
        const back = input.returned?.find((x) => x.line_item_id === r.line_item_id)
        if (!back) continue
        amount = proportionalReversal(String(r.amount), String(r.reversed_amount), String(back.quantity), String(r.quantity))
      }
      if (MathBN.lte(amount, 0)) continue
      const reversed = MathBN.add(r.reversed_amount, amount)
      reversals.push({
        idempotency_key: r.posting_key,
        reversal_key: keyOf(r),
        amount,
        on_shortfall: "debt",
        reason: `commission.${input.cause}`,
      })
      updates.push({
        id: r.id,
        reversed_amount: reversed.toFixed(),
        status: MathBN.gte(reversed, r.amount) ? "reversed" : r.status,
      })
    }
    return new StepResponse({ reversals, updates })
  }
)

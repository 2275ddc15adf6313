import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payFromWalletWorkflow } from "@fission/core/workflows"
import { ReserveOpenInput } from "../../../modules/blind-box/opens"
import { numberOpenStep, reserveOpenStep } from "../steps"
import { openPaymentKey } from "../keys"

/**
 * One open of a blind box (SPEC §7.2): reserve a place among the opens still possible
 * (Postgres decides; none is left after the committed prize position, so nobody pays for an
 * open that cannot happen), pay the open price from the wallet (core's wallet payment), then
 * number the open — the one numbered at the prize position wins. A failed payment releases
 * the place (compensation) and charges nothing. Payouts follow in
 * settleBlindBoxOpenWorkflow.
 */
export const openBlindBoxWorkflow = createWorkflow("fission-blind-box-open", (input: ReserveOpenInput & { currency_code: string }) => {
  const reserved = reserveOpenStep(input)
  const payInput = transform({ reserved, input }, ({ reserved, input }) => ({
    customer_id: reserved.open.customer_id,
    currency_code: input.currency_code,
    amount: String(reserved.open.amount),
    idempotency_key: openPaymentKey(reserved.open.id),
    source_type: "blind_box.campaign",
    source_id: reserved.open.campaign_id,
    note: "blind-box open",
  }))
  const paid = payFromWalletWorkflow.runAsStep({ input: payInput })
  const numbered = numberOpenStep(
    transform({ reserved, paid }, ({ reserved, paid }) => ({
      open: reserved.open,
      replayed: reserved.replayed,
      wallet_payment_id: paid.wallet_payment.id,
    }))
  )
  return new WorkflowResponse(transform({ numbered, reserved }, ({ numbered, reserved }) => ({ ...numbered, replayed: reserved.replayed })))
})

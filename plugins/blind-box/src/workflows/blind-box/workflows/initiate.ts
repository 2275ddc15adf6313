import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { StartInitiationInput } from "../../../modules/blind-box/initiations"
import { activateCampaignStep, commitPrizeDrawStep, debitInitiationVouchersStep, payInitiationCashStep, startInitiationStep } from "../steps"

/**
 * Initiates a blind box (SPEC §7.2): records it with a copy of the template's terms, commits
 * the prize draw and seals its position (§0.5), takes the initiation vouchers from the ledger
 * and the cash from the wallet, then opens it. Atomic through compensation: if any step
 * fails (not enough vouchers, not enough store credit) everything before is given back and
 * the campaign is `failed`. Idempotent per (initiator, idempotency_key).
 *
 * @example
 * await initiateBlindBoxWorkflow(container).run({ input: { template_id, initiator_id, client_seed, day: "2026-12-02", daily_limit_minor: null } })
 */
export const initiateBlindBoxWorkflow = createWorkflow("fission-blind-box-initiate", (input: StartInitiationInput) => {
  const started = startInitiationStep(input)
  const draw = commitPrizeDrawStep(started)
  debitInitiationVouchersStep(started)
  const payment_id = payInitiationCashStep(started)
  const campaign = activateCampaignStep(
    transform({ started, draw, payment_id }, ({ started, draw, payment_id }) => ({ ...started, draw, payment_id }))
  )
  return new WorkflowResponse(transform({ campaign, started }, ({ campaign, started }) => ({ campaign, replayed: started.replayed })))
})

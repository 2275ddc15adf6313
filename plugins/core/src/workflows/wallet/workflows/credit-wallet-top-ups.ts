import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { creditWalletTopUpsStep, CreditWalletTopUpsInput } from "../steps/credit-wallet-top-ups"

/** Credits the paid top-up lines of an order to store credit, once per line (run on `fission.order.paid`). */
export const creditWalletTopUpsWorkflow = createWorkflow("fission-credit-wallet-top-ups", (input: CreditWalletTopUpsInput) =>
  new WorkflowResponse(creditWalletTopUpsStep(input))
)

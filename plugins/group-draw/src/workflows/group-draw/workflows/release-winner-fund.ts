import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLedgerEntriesWorkflow } from "@fission/core/workflows"
import { findPendingWinnerFundsStep } from "../steps"

/**
 * Unlocks a winner's shopping fund for release once the won order is delivered or
 * completed: the pending posting becomes posted, and @fission/membership's daily
 * release (SPEC §6.6) starts paying it out as store credit. Idempotent: a posted
 * fund is not found again.
 */
export const releaseWinnerShoppingFundWorkflow = createWorkflow(
  "fission-group-draw-release-winner-fund",
  (input: { order_id: string }) => {
    const keys = findPendingWinnerFundsStep(input)
    when("fission-group-draw-winner-fund-pending", { keys }, ({ keys }) => keys.length > 0).then(() => {
      settleLedgerEntriesWorkflow.runAsStep({
        input: transform({ keys }, ({ keys }) => ({
          entries: keys.map((idempotency_key) => ({ idempotency_key, action: "post" as const })),
        })),
      })
    })
    return new WorkflowResponse(keys)
  }
)

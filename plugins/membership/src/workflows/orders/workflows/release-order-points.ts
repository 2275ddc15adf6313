import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLedgerEntriesStep } from "@fission/core/workflows"
import { claimMembershipOrderStep } from "../steps"

/** The pending period of an order's points ended: posts them (once, claimed by a conditional update). */
export const releaseOrderPointsWorkflow = createWorkflow(
  "fission-membership-release-order-points",
  (input: { order_id: string }) => {
    const claim = claimMembershipOrderStep(
      transform({ input }, ({ input }) => ({ order_id: input.order_id, from: ["pending"] as ("pending" | "released")[], to: "released" as const }))
    )
    when("fission-membership-release-claimed", { claim }, ({ claim }) => claim.claimed).then(() => {
      settleLedgerEntriesStep(
        transform({ input }, ({ input }) => [{ idempotency_key: `points:order:${input.order_id}`, action: "post" as const }])
      )
    })
    return new WorkflowResponse(claim)
  }
)

import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { settleLedgerEntriesStep } from "@fission/core/workflows"
import { claimCommissionOrderStep, loadCommissionsStep, updateCommissionStatusStep } from "../steps"

/**
 * Makes an order's commissions available once it is paid, delivered and past the
 * freeze period: claims the order (once), posts the pending ledger credits (their
 * pending reductions follow), and marks the records available.
 */
export const releaseOrderCommissionsWorkflow = createWorkflow(
  "fission-release-order-commissions",
  (input: { order_id: string }) => {
    const claim = claimCommissionOrderStep({ order_id: input.order_id, to: "settled" })
    const released = when("fission-commission-order-claimed", { claim }, ({ claim }) => claim.claimed).then(() => {
      // a commission fully reversed while still pending is `reversed` but its credit is
      // still held: posting it lets its pending reductions follow, leaving net zero
      const held = loadCommissionsStep({ order_id: input.order_id, status: ["pending", "reversed"] })
      settleLedgerEntriesStep(
        transform({ held }, ({ held }) => held.map((r) => ({ idempotency_key: r.posting_key, action: "post" as const })))
      )
      const pending = transform({ held }, ({ held }) => held.filter((r) => r.status === "pending"))
      updateCommissionStatusStep(
        transform({ pending }, ({ pending }) =>
          pending.map((r) => ({ id: r.id, status: "available" as const, settled_at: new Date() }))
        )
      )
      return pending
    })
    return new WorkflowResponse({ claim, released })
  }
)

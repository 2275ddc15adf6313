import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { postLedgerEntriesStep } from "@fission/core/workflows"
import { customer, FissionOrder, platform } from "@fission/core/utils"
import { buildCommissionPlanStep, createCommissionRecordsStep } from "../steps"

/**
 * On `fission.order.placed` (and again on `.paid`, so event order doesn't matter): computes the order's commissions (SPEC §2.4) and holds them
 * as *pending* ledger credits (`platform:commissions` → beneficiary), keyed
 * `commission:<order>:<line item>:L<level>`. They become available only once the
 * order is paid and delivered and the freeze period has passed. Idempotent.
 */
export const recordOrderCommissionsWorkflow = createWorkflow(
  "fission-record-order-commissions",
  (input: { order: FissionOrder }) => {
    const plan = buildCommissionPlanStep(input)
    const { records } = createCommissionRecordsStep(plan)
    const entries = transform({ records }, ({ records }) =>
      records
        .filter((r) => r.status === "pending")
        .map((r) => ({
          idempotency_key: r.posting_key,
          asset: "commission" as const,
          currency_code: r.currency_code,
          amount: String(r.amount),
          from: platform("commissions"),
          to: customer(r.beneficiary_id),
          status: "pending" as const,
          reason: r.kind === "sale" ? `commission.level${r.level}` : `commission.${r.kind}`,
          source_type: "order",
          source_id: r.order_id,
        }))
    )
    postLedgerEntriesStep(entries)
    return new WorkflowResponse(records)
  }
)

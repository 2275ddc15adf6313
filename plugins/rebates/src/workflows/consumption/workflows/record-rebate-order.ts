import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FissionOrder } from "@fission/core/utils"
import { evaluateAffectedMonthsStep, recordPaidOrderStep } from "../steps"

/** `fission.order.paid`: the order joins its month's consumption; the buyer and upline are re-evaluated. */
export const recordRebateOrderWorkflow = createWorkflow(
  "fission-rebates-record-order",
  (input: { order: FissionOrder; paid_at?: string }) => {
    const row = recordPaidOrderStep(input)
    const evaluated = evaluateAffectedMonthsStep(
      transform({ row }, ({ row }) => ({ customer_id: row?.customer_id ?? null, month: row?.month ?? null }))
    )
    return new WorkflowResponse(transform({ row, evaluated }, ({ row, evaluated }) => ({ order: row, evaluated })))
  }
)

import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { FissionOrder } from "@fission/core/utils"
import { evaluateAffectedMonthsStep, raiseOrderReversedStep } from "../steps"

/**
 * Refund, return or cancel (SPEC §0.4): the order's month loses what core's rule
 * reverses; the buyer's award (and the upline's, through their active counts) is
 * brought back to the level still met, the excess reversed.
 */
export const reverseRebateOrderWorkflow = createWorkflow(
  "fission-rebates-reverse-order",
  (input: { order: FissionOrder }) => {
    const row = raiseOrderReversedStep(input)
    const evaluated = evaluateAffectedMonthsStep(
      transform({ row }, ({ row }) => ({ customer_id: row?.customer_id ?? null, month: row?.month ?? null }))
    )
    return new WorkflowResponse(transform({ row, evaluated }, ({ row, evaluated }) => ({ order: row, evaluated })))
  }
)

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService } from "../../../modules/refund-request"

export const validateRefundRetryStepId = "fission-validate-refund-retry"

/** Refuses a retry of a request that succeeded or is being attempted right now; read-only, no compensation. */
export const validateRefundRetryStep = createStep(validateRefundRetryStepId, async (input: { id: string }, { container }) => {
  const request = await container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE).retrieveRow(input.id)
  if (request.status === "succeeded") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `refund request ${request.id} already succeeded; there is nothing to retry`)
  }
  if (request.status === "processing" && request.locked_until && new Date(request.locked_until) > new Date()) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `refund request ${request.id} is being attempted right now; retry once it has finished`)
  }
  return new StepResponse(request)
})

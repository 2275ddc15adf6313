import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService } from "../../../modules/refund-request"

export const listDueRefundRequestsStepId = "fission-list-due-refund-requests"

/** Ids of requests to attempt now (due retries and expired leases); read-only, no compensation. */
export const listDueRefundRequestsStep = createStep(
  listDueRefundRequestsStepId,
  async (input: { as_of: Date | string; limit: number }, { container }) => {
    const service = container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
    return new StepResponse(await service.listDueIds({ as_of: new Date(input.as_of), limit: input.limit }))
  }
)

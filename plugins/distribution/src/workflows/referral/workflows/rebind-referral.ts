import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import type { ReferralChangeInput } from "../../../modules/distribution/referral-forest"
import { changeReferrerStep } from "../steps/change-referrer"

export type RebindReferralInput = {
  customer_id: string
  /** The new referrer, or null to remove the binding. */
  referrer_id: string | null
  /** Mandatory; stored on the audit event. */
  reason: string
  actor_id?: string | null
}

const prepareRebindStep = createStep(
  "fission-prepare-referral-rebind",
  async (input: RebindReferralInput, { container }) => {
    if (!input.reason?.trim()) throw new MedusaError(MedusaError.Types.INVALID_DATA, "reason is required to re-bind a customer")
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const ids = [input.customer_id, input.referrer_id].filter(Boolean) as string[]
    const { data } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: ids } })
    for (const id of ids) {
      if (!data.some((c: any) => c.id === id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer ${id} does not exist`)
    }
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const settings = await service.retrieveSettings()
    const change: ReferralChangeInput = {
      customer_id: input.customer_id,
      referrer_id: input.referrer_id,
      action: "rebind",
      source: "admin",
      event_source: "admin",
      reason: input.reason.trim(),
      actor_id: input.actor_id ?? null,
      expiry_days: settings.binding_expiry_days ?? null,
    }
    return new StepResponse(change)
  }
)

/**
 * Admin re-bind (SPEC §2.2): moves a customer (with their whole team) under
 * another referrer, or removes the binding (`referrer_id: null`). The reason
 * is mandatory and recorded in the `referral_event` audit log with the admin.
 * Self-referral and cycles are refused (400). Closure and team counters of the
 * old and new uplines move in the same transaction.
 */
export const rebindReferralWorkflow = createWorkflow(
  "fission-rebind-referral",
  (input: WorkflowData<RebindReferralInput>) => {
    const change = prepareRebindStep(input)
    const bound = changeReferrerStep(transform({ change }, ({ change }) => ({ change })))
    return new WorkflowResponse(transform({ bound }, ({ bound }) => bound.result))
  }
)

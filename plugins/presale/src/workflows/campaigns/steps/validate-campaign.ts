import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings } from "@fission/core/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"
import { campaignRuleProblems, frozenChanges } from "../../../utils"

export type PresaleCampaignInput = {
  title: string
  description?: string | null
  variant_id: string
  currency_code: string
  base_price: string | number
  step_amount: string | number
  step_interval: number
  max_steps: number
  free_interval?: number | null
  min_participants?: number | null
  max_participants?: number | null
  starts_at?: string | Date | null
  ends_at: string | Date
  shipping_date?: string | Date | null
  refund_destination?: "original_payment" | "store_credit"
  refund_timing?: "each_step" | "at_close"
  status?: "draft" | "active"
}

/**
 * Checks a campaign (new, or an existing one merged with an update) against SPEC §5.1 and
 * the compliance prize cap, resolves the variant's product, and refuses changes to the
 * money and draw rules once the first participant has paid (SPEC §0.6). Status changes other
 * than draft → active go through close/cancel. Read-only, no compensation.
 */
export const validatePresaleCampaignStep = createStep(
  "fission-presale-validate-campaign",
  async (input: { id?: string; data: Partial<PresaleCampaignInput> }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    let current: any = {}
    if (input.id) {
      ;[current] = await service.listPresaleCampaigns({ id: input.id })
      if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Pre-sale ${input.id} was not found`)
      if (["closed", "failed", "canceled"].includes(current.status)) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Pre-sale ${input.id} is ${current.status}; it can no longer change`)
      }
      if (input.data.status === "draft" && current.status === "active") {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "status: an active pre-sale cannot go back to draft")
      }
      const changed = frozenChanges(current, input.data)
      if (changed.length && Number(current.participants_count) > 0) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${changed[0]} cannot change once a participant has paid`)
      }
      if (changed.length && current.status === "active" && changed.some((f) => f === "free_interval" || f === "max_participants")) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${changed[0]} cannot change once the free-order draws are committed`)
      }
    }
    const merged = { ...current, ...input.data }
    const { lottery_prize_cap } = await getComplianceSettings(container)
    const problems = campaignRuleProblems(merged, lottery_prize_cap)
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems[0])

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [variant],
    } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: merged.variant_id } })
    if (!variant) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: variant ${merged.variant_id} was not found`)
    const data: Record<string, unknown> = { ...input.data, product_id: (variant as any).product_id as string }
    if (typeof data.currency_code === "string") data.currency_code = data.currency_code.toLowerCase()
    return new StepResponse(data)
  }
)

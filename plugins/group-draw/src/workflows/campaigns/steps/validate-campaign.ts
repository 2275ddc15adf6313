import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings } from "@fission/core/utils"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"
import { campaignRuleError, isMoney, LOCKED_FIELDS, toScaled } from "../../../utils"

/** 99, "99" and "99.00" are the same rule value; anything else compares as text. */
const sameValue = (a: unknown, b: unknown) =>
  typeof a !== "boolean" && a !== null && b !== null && isMoney(a, 6) && isMoney(b, 6)
    ? toScaled(a, 6) === toScaled(b, 6)
    : String(a ?? null) === String(b ?? null)

export type CampaignInput = {
  title: string
  description?: string | null
  variant_id: string
  price: string | number
  currency_code: string
  group_size: number
  winners: number
  duration_hours?: number
  loser_reward?: string | number
  red_envelope_amount?: string | number
  red_envelope_split?: "random" | "equal"
  winner_shopping_fund_ratio?: string | number
  visibility?: "open" | "private"
  max_groups_per_customer_per_day?: number | null
  allow_early_draw?: boolean
  allow_shopper_groups?: boolean
  shopper_group_size_min?: number | null
  shopper_group_size_max?: number | null
  shopper_winners_min?: number | null
  shopper_winners_max?: number | null
  shopper_duration_hours_max?: number | null
  allow_private_groups?: boolean
  status?: "draft" | "active" | "ended"
  starts_at?: Date | string | null
  ends_at?: Date | string | null
}

/**
 * Checks a campaign (new, or the merge of an existing one with an update) against
 * SPEC §4.1 and the compliance prize cap, resolves the variant's product, and refuses
 * changes to locked rules once the campaign has groups.
 */
export const validateCampaignStep = createStep(
  "fission-group-draw-validate-campaign",
  async (input: { id?: string; data: Partial<CampaignInput> }, { container }) => {
    const service = container.resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
    let current: any = {}
    if (input.id) {
      ;[current] = await service.listGroupDrawCampaigns({ id: input.id })
      if (!current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Group draw ${input.id} was not found`)
      const changed = LOCKED_FIELDS.filter(
        (f) => input.data[f] !== undefined && !sameValue(input.data[f], current[f])
      )
      if (changed.length) {
        const [group] = await service.listGroupDrawGroups({ campaign_id: input.id }, { take: 1, select: ["id"] })
        if (group) {
          throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `${changed[0]} cannot change once the campaign has groups`)
        }
      }
    }
    const merged = { ...current, ...input.data }
    const { lottery_prize_cap } = await getComplianceSettings(container)
    const error = campaignRuleError(merged, lottery_prize_cap)
    if (error) throw new MedusaError(MedusaError.Types.INVALID_DATA, error)

    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [variant],
    } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: merged.variant_id } })
    if (!variant) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id: variant ${merged.variant_id} was not found`)
    return new StepResponse({ ...input.data, product_id: (variant as any).product_id as string })
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { getComplianceSettings } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { changedFrozenFields, templateProblems } from "../../../utils"

export type TemplateInput = Record<string, any>

const DEFAULTS = {
  initiation_vouchers: 0,
  no_win_opens: 0,
  consolation_vouchers: 0,
  seed_gift_vouchers: 0,
  seed_gift_limit: 0,
  referrer_reward_initiation: 0,
  leader_reward_initiation: 0,
  referrer_reward_open: 0,
}

/**
 * Creates or updates a template, validated on save (SPEC §0.6): the open price within the
 * compliance cap, the prize value within the lottery prize cap, the variant exists, the
 * no-win window leaves a position; once a campaign started (`frozen_at`) its terms cannot
 * change (only title, description and status). Compensation: the previous row is restored
 * (or the new one deleted).
 */
export const saveTemplateStep = createStep(
  "fission-blind-box-save-template",
  async ({ id, data }: { id?: string; data: TemplateInput }, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    const current = id ? (await service.listBlindBoxTemplates({ id }))[0] : null
    if (id && !current) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind-box template with id: ${id} was not found`)
    if (current?.frozen_at) {
      const changed = changedFrozenFields(current, data)
      if (changed.length) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `blind-box template ${id} has started campaigns: ${changed.join(", ")} cannot change any more (disclosed terms are frozen); create a new template`
        )
      }
    }
    const merged = { ...DEFAULTS, ...(current ?? {}), ...data } as any
    if ("seed_gift_limit" in data && current && data.seed_gift_limit < current.seed_gifts_given) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `seed_gift_limit cannot be below the ${current.seed_gifts_given} gifts already given`)
    }
    const problems = templateProblems(merged, await getComplianceSettings(container))
    if (problems.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, problems.join("; "))
    if (!current || data.variant_id !== undefined) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: variants } = await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: merged.variant_id } })
      if (!variants[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id ${merged.variant_id} is not a product variant`)
      if (merged.product_id && merged.product_id !== variants[0].product_id) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `variant_id ${merged.variant_id} does not belong to product_id ${merged.product_id}`)
      }
      data.product_id = variants[0].product_id
    }
    if (current) {
      const updated = await service.updateBlindBoxTemplates({ id: current.id, ...data })
      return new StepResponse(updated, { previous: current })
    }
    const created = await service.createBlindBoxTemplates({ ...DEFAULTS, ...data } as any)
    return new StepResponse(created, { created_id: created.id })
  },
  async (undo: any, { container }) => {
    if (!undo) return
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    if (undo.created_id) await service.deleteBlindBoxTemplates(undo.created_id)
    else if (undo.previous) {
      const { created_at, updated_at, deleted_at, seed_gifts_given, frozen_at, ...rest } = undo.previous
      await service.updateBlindBoxTemplates(rest)
    }
  }
)

import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"

export type RebateSettingsUpdate = Partial<{
  time_zone: string
  currency_code: string | null
  close_day: number
  pool_mode: "fixed" | "gmv_rate"
  pool_amount: number
  pool_rate: number
  pool_threshold: number
  payout_destination: "commission" | "store_credit"
  points_after_close: "keep" | "reset"
  tiered_enabled: boolean
  tiered_tiers: { min_spend: number; rate: number }[]
}>

const updateRebateSettingsStep = createStep(
  "fission-rebates-update-settings",
  async (input: RebateSettingsUpdate, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const before = await service.retrieveSettings()
    const updated = await service.updateRebateSettings({ id: before.id, ...(input as any) })
    return new StepResponse(updated, before)
  },
  async (before, { container }) => {
    if (!before) return
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const { id, time_zone, currency_code, close_day, pool_mode, pool_amount, pool_rate, pool_threshold, payout_destination, points_after_close, tiered_enabled, tiered_tiers } = before as any
    await service.updateRebateSettings({ id, time_zone, currency_code, close_day, pool_mode, pool_amount, pool_rate, pool_threshold, payout_destination, points_after_close, tiered_enabled, tiered_tiers })
  }
)

/** Saves the rebate settings (validated by the route). */
export const updateRebateSettingsWorkflow = createWorkflow("fission-rebates-update-settings", (input: RebateSettingsUpdate) => {
  return new WorkflowResponse(updateRebateSettingsStep(input))
})

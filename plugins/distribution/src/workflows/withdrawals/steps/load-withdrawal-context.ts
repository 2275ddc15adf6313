import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { WithdrawalSettings } from "../../../utils/withdrawals"

export type WithdrawalContext = { settings: WithdrawalSettings; currency_code: string }

/** A bigNumber field as an exact decimal string (the raw twin keeps every digit). */
const decimal = (row: Record<string, any>, field: string) => String(row[`raw_${field}`]?.value ?? row[field])

/** Commission is held in the store's default currency (SPEC §2.6: one currency per store). */
export async function commissionCurrency(container: MedusaContainer): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "store",
    fields: ["id", "supported_currencies.currency_code", "supported_currencies.is_default"],
  })
  const currencies = (data[0]?.supported_currencies ?? []).filter(Boolean) as { currency_code: string; is_default: boolean }[]
  const currency = (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code
  if (!currency) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store has no currency configured")
  return currency.toLowerCase()
}

export async function loadWithdrawalContext(container: MedusaContainer): Promise<WithdrawalContext> {
  const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  // one row, created with the model defaults (min 10, fee rate 0, 3 per day) on first read
  const row = (await service.retrieveSettings()) as Record<string, any>
  return {
    settings: {
      min_amount: decimal(row, "withdrawal_min_amount"),
      fee_rate: decimal(row, "withdrawal_fee_rate"),
      daily_limit: Number(row.withdrawal_daily_limit),
    },
    currency_code: await commissionCurrency(container),
  }
}

/** Reads the withdrawal rules and the store currency (read-only, nothing to undo). */
export const loadWithdrawalContextStep = createStep(
  "fission-distribution-load-withdrawal-context",
  async (_: void, { container }) => new StepResponse(await loadWithdrawalContext(container))
)

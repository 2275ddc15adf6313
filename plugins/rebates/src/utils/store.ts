import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REBATES_MODULE, RebatesModuleService } from "../modules/rebates"
import { LevelRule } from "./levels"

type Resolver = MedusaContainer

/** The store's default currency (the rebates' money: consumption, pool, payouts), unless the settings name one. */
export async function rebateCurrency(container: Resolver, settings: { currency_code?: string | null }): Promise<string> {
  if (settings.currency_code) return settings.currency_code.toLowerCase()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "store", fields: ["supported_currencies.currency_code", "supported_currencies.is_default"] })
  const currencies = (data[0]?.supported_currencies ?? []) as any[]
  return ((currencies.find((c) => c?.is_default) ?? currencies[0])?.currency_code ?? "usd").toLowerCase()
}

export const levelRuleOf = (l: any): LevelRule => ({
  id: l.id,
  position: Number(l.position),
  name: l.name,
  min_consumption: String(l.min_consumption),
  team_structure: Array.isArray(l.team_structure) ? l.team_structure.map(Number) : null,
  dividend_points: Number(l.dividend_points),
})

/** Settings and levels (sorted by position), read together by every rule that needs them. */
export async function rebateRules(container: Resolver) {
  const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
  const settings = await service.retrieveSettings()
  const levels = (await service.listRebateLevels({}, { order: { position: "ASC" } })).map(levelRuleOf)
  return { service, settings, levels }
}

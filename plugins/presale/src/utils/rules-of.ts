import { fromMinor, toMinor } from "@fission/core/utils"
import { TierRules, tierPriceAt } from "./tier-price"

/** A stored campaign's tier rules in minor units. */
export function rulesOf(campaign: { base_price: unknown; step_amount: unknown; step_interval: number; max_steps: number }): TierRules {
  return {
    base: toMinor(campaign.base_price),
    step: toMinor(campaign.step_amount),
    interval: Number(campaign.step_interval),
    max_steps: Number(campaign.max_steps),
  }
}

/** The price the next joiner pays, decimal text. */
export const currentPrice = (campaign: any): string => fromMinor(tierPriceAt(rulesOf(campaign), Number(campaign.participants_count)))

import { toUnits } from "@fission/core/utils"

// Exact money comes from core (SPEC §0.1); group-draw adds only its own rule.
export { equalSplit, fromMinor, isMoney, toMinor, toUnits as toScaled } from "@fission/core/utils"

/** Winner shopping fund: price × ratio, rounded down to the minor unit (the remainder stays with the platform). */
export function shoppingFundOf(priceMinor: bigint, ratio: unknown): bigint {
  return (priceMinor * toUnits(ratio, 6)) / 1_000_000n
}

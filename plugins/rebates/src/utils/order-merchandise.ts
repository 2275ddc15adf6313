import { FissionOrder, fromMinor, reversalTarget, toMinor } from "@fission/core/utils"

/** A wallet top-up line buys store credit, not goods: it is no consumption. */
const isTopUp = (line: FissionOrder["lines"][number]) => !!line.metadata && "fission_wallet_top_up" in line.metadata

/**
 * What an order adds to its month (SPEC §3.1): the paid merchandise (lines after
 * discounts, no shipping or tax, top-ups excluded) and what core's one reversal
 * rule (§0.4) says is reversed of it by now — per line, cumulative; all of it once
 * the order is canceled.
 */
export function orderMerchandise(order: FissionOrder): { paid: string; reversed: string } {
  let paid = 0n
  let reversed = 0n
  for (const line of order.lines) {
    if (isTopUp(line)) continue
    paid += toMinor(line.base)
    const share = order.canceled ? { numerator: "1", denominator: "1" } : order.reversal.lines[line.id]
    if (share) reversed += toMinor(reversalTarget(line.base, share, 2))
  }
  return { paid: fromMinor(paid), reversed: fromMinor(reversed > paid ? paid : reversed) }
}

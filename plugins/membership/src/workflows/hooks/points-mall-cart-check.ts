import { MedusaError } from "@medusajs/framework/utils"
import { registerCartCheck } from "@fission/core/utils"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../../modules/points-mall"

const reapply = (message: string) =>
  new MedusaError(
    MedusaError.Types.NOT_ALLOWED,
    `${message}: remove the points (DELETE /store/fission/carts/:id/points) and apply them again`,
    "cart_points_out_of_date"
  )

/**
 * Before payment: every points discount on the cart must still be backed by
 * reserved points for exactly that line and quantity, and every reservation
 * must still be on the cart. Otherwise the order would get a discount nobody
 * paid points for (a stale reservation voided by the job), or the customer
 * would pay points for units that no longer get the discount.
 */
registerCartCheck("membership:points-mall", async ({ cart, container }) => {
  const service = container.resolve(POINTS_MALL_MODULE) as PointsMallModuleService
  const holds = (await service.listCartPointsHolds({ cart_id: cart.id, status: "reserved" })) as any[]
  const byCode = new Map(holds.map((h) => [h.promotion_code, h]))
  const seen = new Set<string>()
  for (const item of cart.items ?? []) {
    for (const adjustment of item.adjustments ?? []) {
      if (!adjustment.code?.startsWith("FMP-")) continue
      const hold = byCode.get(adjustment.code)
      if (!hold || hold.line_item_id !== item.id) throw reapply(`The points on ${item.title ?? item.id} are no longer reserved`)
      if (Number(item.quantity) !== Number(hold.quantity)) throw reapply(`The quantity of ${item.title ?? item.id} changed`)
      seen.add(hold.id)
    }
  }
  const orphan = holds.find((h) => !seen.has(h.id))
  if (orphan) throw reapply(`Points reserved for line ${orphan.line_item_id} no longer discount it`)
})

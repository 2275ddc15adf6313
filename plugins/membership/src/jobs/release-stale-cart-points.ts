import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { POINTS_MALL_MODULE, PointsMallModuleService } from "../modules/points-mall"
import { CART_POINTS_HOLD_HOURS } from "../utils/points-mall"
import { removeCartPointsWorkflow } from "../workflows/points-mall"

/**
 * Hourly: points reserved on a cart that was left alone for
 * CART_POINTS_HOLD_HOURS are given back (the pending debit is voided, the
 * per-cart promotion removed). Carts already completed are left to the
 * order.placed subscriber.
 */
export default async function releaseStaleCartPointsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const before = new Date(asOf.getTime() - CART_POINTS_HOLD_HOURS * 3600_000)
  const service = container.resolve<PointsMallModuleService>(POINTS_MALL_MODULE)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  await container.resolve(Modules.LOCKING).execute("fission:job:membership-release-stale-cart-points", async () => {
    const stale = await service.listStaleHolds(before, 500)
    const cartIds = [...new Set(stale.map((h) => h.cart_id))]
    if (!cartIds.length) return
    const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: cartIds } })
    const open = new Map(carts.map((c: any) => [c.id, !c.completed_at]))
    for (const cart_id of cartIds) {
      // a completed cart's holds are posted by order.placed; a deleted cart has no promotions left to remove
      if (open.has(cart_id) && !open.get(cart_id)) continue
      await removeCartPointsWorkflow(container)
        .run({ input: { cart_id, cart_is_open: open.get(cart_id) === true } })
        .catch((e) => logger.warn(`fission-membership: releasing points of cart ${cart_id} failed: ${e.message}`))
    }
  })
}

export const config = { name: "fission-membership-release-stale-cart-points", schedule: "15 * * * *" }

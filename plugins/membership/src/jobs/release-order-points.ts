import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../modules/membership"
import { releaseOrderPointsWorkflow } from "../workflows/orders"

/**
 * Hourly: posts the pending points of every order whose pending period
 * (`points_pending_days`) ended by the scheduled time. Each order is claimed
 * with a conditional update, so duplicate ticks or several workers release once.
 */
export default async function releaseOrderPointsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  await container.resolve(Modules.LOCKING).execute("fission:job:membership-release-points", async () => {
    const tried = new Set<string>()
    for (;;) {
      const due = await service.listMembershipOrders(
        { status: "pending", available_at: { $lte: asOf } },
        { take: 200, select: ["order_id"], order: { available_at: "ASC" } }
      )
      // an order whose release failed stays pending: retried next tick, not in a loop now
      const fresh = due.filter((d) => !tried.has(d.order_id))
      if (!fresh.length) return
      for (const { order_id } of fresh) {
        tried.add(order_id)
        await releaseOrderPointsWorkflow(container)
          .run({ input: { order_id } })
          .catch(() => undefined)
      }
      if (due.length < 200) return
    }
  })
}

export const config = { name: "fission-membership-release-order-points", schedule: "0 * * * *" }

import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../modules/distribution"
import { releaseOrderCommissionsWorkflow } from "../workflows/commissions"

/**
 * Hourly: releases the commissions of every order whose freeze period ended by
 * the scheduled time. Each order is claimed with a conditional update, so
 * duplicate ticks or several workers release once.
 */
export default async function releaseCommissionsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ?? new Date()
  const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  await container.resolve(Modules.LOCKING).execute("fission:job:release-commissions", async () => {
    for (;;) {
      const due = await service.listCommissionOrders(
        { status: "delivered", available_at: { $lte: asOf } },
        { take: 200, select: ["order_id"], order: { available_at: "ASC" } }
      )
      if (!due.length) return
      for (const { order_id } of due) {
        await releaseOrderCommissionsWorkflow(container).run({ input: { order_id } })
      }
      if (due.length < 200) return
    }
  })
}

export const config = { name: "fission-distribution-release-commissions", schedule: "0 * * * *" }

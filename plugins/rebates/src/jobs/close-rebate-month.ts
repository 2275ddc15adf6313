import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { REBATES_MODULE, RebatesModuleService } from "../modules/rebates"
import { monthsDueAt } from "../utils/close-due"
import { evaluateMonthInBulkWorkflow } from "../workflows/levels"
import { closeRebateMonth } from "../workflows/month-close"
import { recordFailedRun } from "../utils/pool-runs"

/**
 * Hourly: closes the month on its close day (SPEC §3.3) from the last local hour of
 * that day on, and a previous month that was never closed — after one set-based
 * evaluation of every customer of that month. Each close is idempotent
 * per month (a completed run pays nothing again), under a cluster-wide lock.
 */
export default async function closeRebateMonthJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const at = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
  await container.resolve(Modules.LOCKING).execute("fission:job:rebates-close-month", async () => {
    const settings = await service.retrieveSettings()
    for (const { month, catch_up } of monthsDueAt(at, settings.time_zone, Number(settings.close_day))) {
      const [run] = await service.listRebatePoolRuns({ month })
      if (run?.status === "completed") continue
      // the previous month is only caught up if something happened in it
      if (!run && catch_up) {
        const [order] = await service.listRebateOrders({ month }, { take: 1, select: ["id"] })
        if (!order) continue
      }
      // every customer's month brought to its worth first (team counts that lagged), then the close
      await evaluateMonthInBulkWorkflow(container).run({ input: { month } }).catch(() => undefined)
      await closeRebateMonth(container, month).catch((e) => recordFailedRun(container, month, e))
    }
  })
}

export const config = { name: "fission-rebates-close-month", schedule: "50 * * * *" }

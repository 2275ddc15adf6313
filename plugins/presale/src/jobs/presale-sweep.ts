import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { PRESALE_MODULE, PresaleModuleService } from "../modules/presale"
import { closePresaleCampaign, processPresaleCampaign, reconcilePresaleRefundOutcomesWorkflow } from "../workflows/presale"

/**
 * Every minute, under a cluster-wide lock (every action is idempotent anyway):
 * - active campaigns whose end time passed are closed (final tier, or failed below the
 *   minimum: everyone refunded in full);
 * - active campaigns, and ended ones with refunds not yet handed to core, get their due
 *   draws and a full refund pass — what a lost event or a crash left undone;
 * - refund rows whose core request succeeded (or gave up) while the outcome event was lost
 *   record that outcome, as the event would have (idempotent with it).
 * Failed refund attempts are retried by @fission/core's refund-request sweep, not here.
 */
export default async function presaleSweepJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
  const logger = container.resolve("logger") as any
  const safely = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn()
    } catch (e: any) {
      logger?.warn?.(`presale sweep: ${what} failed: ${e?.message ?? e}`)
    }
  }
  const asOf = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  await container.resolve(Modules.LOCKING).execute("fission:job:presale-sweep", async () => {
    for (const id of await service.dueCampaigns(asOf)) await safely(`close ${id}`, () => closePresaleCampaign(container, id, "close", "ended"))
    for (const id of await service.campaignsToSweep()) await safely(`settle ${id}`, () => processPresaleCampaign(container, id))
    await safely("refund outcomes", () => reconcilePresaleRefundOutcomesWorkflow(container).run({ input: {} }))
  })
}

export const config = { name: "fission-presale-sweep", schedule: "* * * * *" }

import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { closeRebateMonthWorkflow } from "./workflows"

/**
 * Closes a month (the workflow), one close of a month at a time cluster-wide. The lock is the
 * Locking Module's `execute`: its lease (60 s) is renewed while this process runs the close,
 * however long a close of many holders takes, and lapses at most 60 s after the process dies,
 * so a close killed mid-way is resumed by the next tick or admin close. (A lock step in the
 * workflow held a fixed 10-minute TTL: a worker killed mid-close left the month refused for
 * up to 10 minutes, each tick meanwhile marking the run failed, and a close running longer
 * than 10 minutes lost its lock.)
 */
export async function closeRebateMonth(container: MedusaContainer, month: string) {
  return await container.resolve(Modules.LOCKING).execute(
    `fission-rebates:month-close:${month}`,
    async () => (await closeRebateMonthWorkflow(container).run({ input: { month } })).result,
    { timeout: 60 }
  )
}

import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { sweepRefundRequestsWorkflow } from "../workflows/refund-requests"

/**
 * Every minute, once cluster-wide: attempts the refund requests whose retry is due as of
 * the scheduled time, and reclaims attempts whose process died (expired lease). Every
 * attempt claims its request with a conditional update, so a duplicate tick or a second
 * instance repeats nothing.
 */
export default async function sweepRefundRequestsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ?? new Date()
  await container.resolve(Modules.LOCKING).execute("fission:job:refund-requests-sweep", async () => {
    await sweepRefundRequestsWorkflow(container).run({ input: { as_of: asOf } })
  })
}

export const config = { name: "fission-refund-requests-sweep", schedule: "* * * * *" }

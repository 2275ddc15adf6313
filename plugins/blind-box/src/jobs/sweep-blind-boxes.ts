import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { sweepBlindBoxesWorkflow } from "../workflows"

/**
 * Every minute, under a cluster-wide lock: finishes opens and rewards a crashed request left
 * (stale reservations numbered or released, unsettled opens and initiations settled). Thin:
 * runs the sweep workflow; every action in it is conditional or keyed, so ticks repeat nothing.
 */
export default async function sweepBlindBoxesJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const as_of = context?.scheduledFor ?? new Date()
  await container.resolve(Modules.LOCKING).execute("fission:job:blind-box-sweep", async () => {
    await sweepBlindBoxesWorkflow(container).run({ input: { as_of } })
  })
}

export const config = { name: "fission-blind-box-sweep", schedule: "* * * * *" }

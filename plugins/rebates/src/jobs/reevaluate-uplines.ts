import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { reevaluateUplinesWorkflow } from "../workflows/levels"

/**
 * Every 5 minutes: the uplines of customers whose orders changed in the last 15
 * minutes are evaluated again, so a team member's payment that distribution recorded
 * after rebates evaluated the upline still counts within minutes (SPEC §3.1). The
 * windows overlap; evaluations are idempotent.
 */
export default async function reevaluateUplinesJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const at = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  await container.resolve(Modules.LOCKING).execute("fission:job:rebates-reevaluate-uplines", async () => {
    await reevaluateUplinesWorkflow(container).run({ input: { since: new Date(at.getTime() - 15 * 60_000).toISOString() } })
  })
}

export const config = { name: "fission-rebates-reevaluate-uplines", schedule: "*/5 * * * *" }

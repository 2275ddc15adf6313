import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { sweepTeamAwardsWorkflow } from "../workflows/team-awards"

/**
 * Every minute: team awards paid since the last sweep consume dividend points or are
 * frozen (SPEC §3.2). One sweep at a time cluster-wide; each award is applied once
 * (unique per posting), so duplicate ticks change nothing.
 */
export default async function sweepTeamAwardsJob(container: MedusaContainer) {
  await container.resolve(Modules.LOCKING).execute("fission:job:rebates-team-awards", async () => {
    await sweepTeamAwardsWorkflow(container).run({ input: {} })
  })
}

export const config = { name: "fission-rebates-team-awards", schedule: "* * * * *" }

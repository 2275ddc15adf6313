import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../modules/membership"
import { localDate, yearlyEvaluationYear } from "../utils"
import { evaluateMemberLevelWorkflow } from "../workflows/levels"

const BATCH = 200

/**
 * Downgrade policy `yearly` (SPEC §6.2): in the first days of each local year
 * (store time zone), re-evaluates every member's level from the growth earned
 * in the 12 months before the scheduled time, at most `downgrade_max_levels`
 * down. Once per member and year (`member_profile.level_evaluated_year`, claimed
 * by a conditional update), under a cluster-wide lock; a re-run does nothing.
 */
export default async function reevaluateMemberLevelsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const settings = await service.retrieveSettings()
  if (settings.downgrade_policy !== "yearly") return
  // the first local days of January; later ticks of that week only pick up members
  // a failed or missed run left out
  const year = yearlyEvaluationYear(localDate(asOf, settings.time_zone))
  if (year === null) return
  const logger = container.resolve("logger")
  await container.resolve(Modules.LOCKING).execute("fission:job:membership-reevaluate-levels", async () => {
    for (let after = ""; ; ) {
      const members = await service.listMembersToEvaluate(year, after, BATCH)
      for (const m of members) {
        await evaluateMemberLevelWorkflow(container)
          .run({ input: { customer_id: m.customer_id, reason: `yearly_evaluation:${year}`, yearly: { year, as_of: asOf } } })
          .catch((e) => logger.warn(`yearly level evaluation of ${m.customer_id} failed: ${e?.message ?? e}`))
      }
      if (members.length < BATCH) return
      after = members[members.length - 1].id
    }
  })
}

export const config = { name: "fission-membership-reevaluate-member-levels", schedule: "20 * * * *" }

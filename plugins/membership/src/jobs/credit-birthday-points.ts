import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../modules/membership"
import { localDate } from "../utils"
import { creditBirthdayPointsWorkflow } from "../workflows/birthdays"

const BATCH = 200

/**
 * Daily (00:40 UTC — one tick per local day in any time zone): members whose
 * birthday is the local date of the scheduled time in the store time zone get
 * their level's birthday points, once per year (29 Feb birthdays on 28 Feb in
 * other years). Under a cluster-wide lock; a re-run of the day credits nothing.
 */
export default async function creditBirthdayPointsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  const asOf = context?.scheduledFor ? new Date(context.scheduledFor) : new Date()
  const settings = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).retrieveSettings()
  const local_date = localDate(asOf, settings.time_zone)
  await container.resolve(Modules.LOCKING).execute("fission:job:membership-birthday-points", async () => {
    for (let after = ""; ; ) {
      const { result } = await creditBirthdayPointsWorkflow(container).run({ input: { local_date, after_customer_id: after, limit: BATCH } })
      if (!result.last || result.count < BATCH) return
      after = result.last
    }
  })
}

export const config = { name: "fission-membership-credit-birthday-points", schedule: "40 0 * * *" }

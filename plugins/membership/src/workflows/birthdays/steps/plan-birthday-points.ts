import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { customer, platform } from "@fission/core/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { birthdayPointsKey, birthdaysOn, levelForGrowth, pointsExpiry, startOfLocalDay } from "../../../utils"

export type BirthdayBatchInput = { local_date: string; after_customer_id: string; limit: number }

/**
 * One batch of members celebrating on `local_date` (store time zone) and the
 * lots of their level's `birthday_points`, keyed once per customer and year.
 */
export const planBirthdayPointsStep = createStep(
  "fission-membership-plan-birthday-points",
  async (input: BirthdayBatchInput, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const settings = await service.retrieveSettings()
    const members = await service.listBirthdayMembers(birthdaysOn(input.local_date), input.after_customer_id, input.limit)
    const all = await service.listMemberLevels({})
    const levels = new Map(all.map((l) => [l.id, l]))
    // a member never evaluated yet (no order) holds the level their growth reaches, e.g. the 0-threshold one
    const levelOf = (m: { level_id: string | null; growth: number }) =>
      m.level_id ? levels.get(m.level_id) : levelForGrowth(all as any[], Number(m.growth))
    const year = input.local_date.slice(0, 4)
    const expires_at = pointsExpiry(startOfLocalDay(input.local_date, settings.time_zone), {
      points_expiry_mode: settings.points_expiry_mode,
      points_expiry_months: Number(settings.points_expiry_months),
      time_zone: settings.time_zone,
    })
    const entries = members
      .map((m) => ({ m, points: Number(levelOf(m)?.birthday_points ?? 0) }))
      .filter(({ points }) => points > 0)
      .map(({ m, points }) => ({
        idempotency_key: birthdayPointsKey(m.customer_id, year),
        asset: "points" as const,
        amount: String(points),
        from: platform("points_issued"),
        to: customer(m.customer_id),
        reason: "points.birthday",
        source_type: "birthday",
        source_id: `${m.customer_id}:${year}`,
        expires_at,
      }))
    return new StepResponse({ entries, last: members.length ? members[members.length - 1].customer_id : null, count: members.length })
  }
)

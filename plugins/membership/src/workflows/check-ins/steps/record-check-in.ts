import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { addDays, localDate, pointsExpiry } from "../../../utils"

export const alreadyCheckedIn = (day: string) =>
  new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Already checked in on ${day}`, "already_checked_in")

/** Streak bonuses from settings; `null` means the default { 7: 50 }. */
export const streakBonuses = (raw: unknown): Record<string, number> =>
  raw && typeof raw === "object" ? (raw as Record<string, number>) : { "7": 50 }

/**
 * Today's check-in in the store time zone (SPEC §6.3). The unique
 * (customer_id, local_date) index decides: a second or concurrent check-in
 * the same local day gets a 422 `already_checked_in` and changes nothing.
 *
 * A day already recorded comes back as `existing: true` (and is never removed by
 * this run's compensation): the workflow posts its points under the same key, which
 * is a replay when they were credited — then the answer is the 422 — and credits
 * them when an earlier request recorded the day but broke off before its points
 * (its database connection dropped, so neither the posting nor the compensation
 * ran; found by the cluster suite's fault check).
 */
export const recordCheckInStep = createStep(
  "fission-membership-record-check-in",
  async (input: { customer_id: string; now: Date | string }, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const settings = await service.retrieveSettings()
    const now = new Date(input.now)
    const today = localDate(now, settings.time_zone)
    const row = await service.recordCheckIn({
      customer_id: input.customer_id,
      local_date: today,
      previous_date: addDays(today, -1),
      base_points: Number(settings.checkin_base_points),
      bonuses: streakBonuses(settings.checkin_streak_bonuses),
    })
    const expires_at = pointsExpiry(now, {
      points_expiry_mode: settings.points_expiry_mode,
      points_expiry_months: Number(settings.points_expiry_months),
      time_zone: settings.time_zone,
    })
    if (row) return new StepResponse({ check_in: row, expires_at, existing: false }, row.id)
    const [existing] = await service.listCheckIns({ customer_id: input.customer_id, local_date: today })
    if (!existing || Number(existing.points) <= 0) throw alreadyCheckedIn(today)
    const check_in = { id: existing.id, customer_id: existing.customer_id, local_date: existing.local_date, streak: existing.streak, points: existing.points, is_makeup: existing.is_makeup }
    return new StepResponse({ check_in, expires_at, existing: true }, null)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).removeCheckIn(id)
  }
)

/**
 * The answer for a day recorded before (`recordCheckInStep`'s `existing`): this request's
 * check-in only when its points were credited just now, else 422 `already_checked_in`.
 */
export const checkInOutcomeStep = createStep(
  "fission-membership-check-in-outcome",
  async (input: { check_in: any; existing: boolean; posted: { replayed: boolean }[] }) => {
    if (input.existing && !input.posted.some((r) => !r.replayed)) throw alreadyCheckedIn(input.check_in.local_date)
    return new StepResponse(input.check_in)
  }
)

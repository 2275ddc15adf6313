import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { addDays, localDate, pointsExpiry } from "../../../utils"

/** Streak bonuses from settings; `null` means the default { 7: 50 }. */
export const streakBonuses = (raw: unknown): Record<string, number> =>
  raw && typeof raw === "object" ? (raw as Record<string, number>) : { "7": 50 }

/**
 * Today's check-in in the store time zone (SPEC §6.3). The unique
 * (customer_id, local_date) index decides: a second or concurrent check-in
 * the same local day gets a 422 `already_checked_in` and changes nothing.
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
    if (!row) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Already checked in on ${today}`, "already_checked_in")
    const expires_at = pointsExpiry(now, {
      points_expiry_mode: settings.points_expiry_mode,
      points_expiry_months: Number(settings.points_expiry_months),
      time_zone: settings.time_zone,
    })
    return new StepResponse({ check_in: row, expires_at }, row.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).removeCheckIn(id)
  }
)

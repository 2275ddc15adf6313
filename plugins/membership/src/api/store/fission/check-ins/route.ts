import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendCodedRefusal } from "@fission/core/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../modules/membership"
import { addDays, datesOfMonth, localDate } from "../../../../utils"
import { requestNow } from "../../../../utils/clock"
import { streakBonuses } from "../../../../workflows/check-ins/steps"
import { checkInWorkflow } from "../../../../workflows/check-ins"
import { StoreGetCheckInsParamsType } from "./validators"

/**
 * POST /store/fission/check-ins → 201 `{ check_in: { id, local_date, streak, points } }`;
 * 422 `already_checked_in` if the customer already checked in today (store time zone).
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  try {
    const { result: check_in } = await checkInWorkflow(req.scope).run({
      input: { customer_id: req.auth_context.actor_id, now: requestNow(req) },
    })
    res.status(201).json({ check_in })
  } catch (e: any) {
    // Medusa's error handler drops the code of a duplicate; storefronts switch on it
    if (!sendCodedRefusal(res, e)) throw e
  }
}

/**
 * GET /store/fission/check-ins?month=YYYY-MM → `{ calendar: { month, today, checked_in_today, streak,
 * days: [{ date, checked_in, points }] }, streak_bonuses }` (default month: the current local one).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, StoreGetCheckInsParamsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const settings = await service.retrieveSettings()
  const today = localDate(requestNow(req), settings.time_zone)
  const month = (req.validatedQuery as StoreGetCheckInsParamsType).month ?? today.slice(0, 7)
  const dates = datesOfMonth(month)
  const customer_id = req.auth_context.actor_id
  const rows = await service.listCheckIns({ customer_id, local_date: [...dates, today, addDays(today, -1)] })
  const byDate = new Map(rows.map((r) => [r.local_date, r]))
  const current = byDate.get(today) ?? byDate.get(addDays(today, -1))
  res.json({
    calendar: {
      month,
      today,
      checked_in_today: byDate.has(today),
      // the streak still alive today: today's, or yesterday's if today is not checked in yet
      streak: current ? Number(current.streak) : 0,
      days: dates.map((date) => ({
        date,
        checked_in: byDate.has(date),
        points: byDate.has(date) ? Number(byDate.get(date)!.points) : 0,
        streak: byDate.has(date) ? Number(byDate.get(date)!.streak) : 0,
      })),
    },
    base_points: Number(settings.checkin_base_points),
    streak_bonuses: streakBonuses(settings.checkin_streak_bonuses),
  })
}

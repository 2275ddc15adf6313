import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { addDays, localDate, makeupCheckInRefusal, pointsExpiry } from "../../../utils"

export type MakeupCheckInInput = { customer_id: string; date: string; now: Date | string }

/**
 * A make-up check-in for a missed day (SPEC §6.3): refused while
 * `makeup_checkin_cost` is null, for today or later, outside the current local
 * month (or the last `makeup_checkin_window_days` days), or when the customer's
 * available points do not cover the cost (the ledger debit decides again under
 * concurrency). The same unique (customer, local_date) index as the daily
 * check-in decides between concurrent make-ups of one day: one wins, the others
 * get a 422 `already_checked_in`. The made-up day earns the base points, no streak bonus.
 */
export const recordMakeupCheckInStep = createStep(
  "fission-membership-record-makeup-check-in",
  async (input: MakeupCheckInInput, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const settings = await service.retrieveSettings()
    if (settings.makeup_checkin_cost === null || settings.makeup_checkin_cost === undefined) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Make-up check-ins are disabled in this store")
    }
    const cost = Number(settings.makeup_checkin_cost)
    const now = new Date(input.now)
    const today = localDate(now, settings.time_zone)
    const window = settings.makeup_checkin_window_days === null ? null : Number(settings.makeup_checkin_window_days)
    const refusal = makeupCheckInRefusal(input.date, today, window)
    if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
    if (cost > 0) {
      const balances = await container.resolve<LedgerModuleService>(LEDGER_MODULE).retrieveBalances({ owner_type: "customer", owner_id: input.customer_id })
      const available = Number(balances.find((b) => b.asset === "points" && b.purpose === "main")?.available ?? 0)
      if (available < cost) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Insufficient points: a make-up check-in costs ${cost}, ${available} available`)
      }
    }
    const recorded = await service.recordMakeupCheckIn({
      customer_id: input.customer_id,
      local_date: input.date,
      previous_date: addDays(input.date, -1),
      points: Number(settings.checkin_base_points),
    })
    if (!recorded) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `Already checked in on ${input.date}`, "already_checked_in")
    const expires_at = pointsExpiry(now, {
      points_expiry_mode: settings.points_expiry_mode,
      points_expiry_months: Number(settings.points_expiry_months),
      time_zone: settings.time_zone,
    })
    return new StepResponse(
      { check_in: recorded.check_in, cost, expires_at },
      { id: recorded.check_in.id, customer_id: input.customer_id, replaced: recorded.replaced }
    )
  },
  async (undo, { container }) => {
    if (undo) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).removeMakeupCheckIn(undo)
  }
)

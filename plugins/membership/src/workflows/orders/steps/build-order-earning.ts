import type { FissionOrder } from "@fission/core/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { growthForPaid, pointsExpiry, pointsForPaid } from "../../../utils"

export type OrderEarning = {
  order_id: string
  customer_id: string
  currency_code: string
  base_total: string
  lines: { line_item_id: string; quantity: number; base: string }[]
  points: number
  growth: number
  points_key: string
  growth_key: string
  status: "pending" | "released"
  available_at: Date | null
  expires_at: Date | null
}

/**
 * What a paid order earns (SPEC §6.1, §6.2): points = floor(paid product value ×
 * rate × the buyer's level multiplier), growth = floor(paid product value).
 * Paid product value = the lines' base as core loaded them (items after
 * discounts, no shipping, no tax). Null for a guest checkout (no account to earn in).
 */
export const buildOrderEarningStep = createStep(
  "fission-membership-build-order-earning",
  async ({ order, paid_at }: { order: FissionOrder; paid_at?: Date }, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    if (!order?.customer_id || !order.registered) return new StepResponse<OrderEarning | null>(null)
    const settings = await service.retrieveSettings()
    const [profile] = await service.listMemberProfiles({ customer_id: order.customer_id })
    const level = profile?.level_id ? (await service.listMemberLevels({ id: profile.level_id }))[0] : null

    const lines: OrderEarning["lines"] = order.lines.map((l) => ({ line_item_id: l.id, quantity: l.quantity, base: l.base }))
    const base = order.merchandise_total
    const at = paid_at ?? new Date()
    const points = pointsForPaid(base, String(settings.points_per_currency_unit), String(level?.points_multiplier ?? 1))
    // nothing to hold back when nothing was earned
    const pendingDays = points > 0 ? Number(settings.points_pending_days) : 0
    return new StepResponse<OrderEarning | null>({
      order_id: order.id,
      customer_id: order.customer_id,
      currency_code: order.currency_code,
      base_total: base,
      lines,
      points,
      growth: growthForPaid(base),
      points_key: `points:order:${order.id}`,
      growth_key: `growth:order:${order.id}`,
      status: pendingDays > 0 ? "pending" : "released",
      available_at: pendingDays > 0 ? new Date(at.getTime() + pendingDays * 86_400_000) : null,
      expires_at: pointsExpiry(at, {
        points_expiry_mode: settings.points_expiry_mode,
        points_expiry_months: Number(settings.points_expiry_months),
        time_zone: settings.time_zone,
      }),
    })
  }
)

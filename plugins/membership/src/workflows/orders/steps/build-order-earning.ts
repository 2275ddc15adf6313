import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
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
 * Paid product value = items after discounts, without shipping. Null for guest orders.
 */
export const buildOrderEarningStep = createStep(
  "fission-membership-build-order-earning",
  async ({ order_id, paid_at }: { order_id: string; paid_at?: Date }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      // requesting a total makes the order module compute item totals
      fields: ["id", "customer_id", "currency_code", "total", "items.*", "items.subtotal", "items.discount_subtotal"],
      filters: { id: order_id },
    })
    if (!order?.customer_id) return new StepResponse<OrderEarning | null>(null)
    const settings = await service.retrieveSettings()
    const [profile] = await service.listMemberProfiles({ customer_id: order.customer_id })
    const level = profile?.level_id ? (await service.listMemberLevels({ id: profile.level_id }))[0] : null

    let base = MathBN.convert(0)
    const lines: OrderEarning["lines"] = []
    for (const item of (order.items ?? []).filter(Boolean) as any[]) {
      const lineBase = MathBN.max(MathBN.sub(item.subtotal ?? 0, item.discount_subtotal ?? 0), 0)
      base = MathBN.add(base, lineBase)
      lines.push({ line_item_id: item.id, quantity: Number(item.quantity), base: lineBase.toFixed() })
    }
    const at = paid_at ?? new Date()
    const points = pointsForPaid(base.toFixed(), String(settings.points_per_currency_unit), String(level?.points_multiplier ?? 1))
    // nothing to hold back when nothing was earned
    const pendingDays = points > 0 ? Number(settings.points_pending_days) : 0
    return new StepResponse<OrderEarning | null>({
      order_id,
      customer_id: order.customer_id,
      currency_code: order.currency_code,
      base_total: base.toFixed(),
      lines,
      points,
      growth: growthForPaid(base.toFixed()),
      points_key: `points:order:${order_id}`,
      growth_key: `growth:order:${order_id}`,
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

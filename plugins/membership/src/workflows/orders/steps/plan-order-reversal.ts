import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ReverseInput } from "@fission/core/modules/ledger"
import { FissionOrder, reversalEntriesFor } from "@fission/core/utils"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"

export type OrderReversalCause = { order: FissionOrder; cause: "refund" | "return" | "cancel" }

/**
 * Plans the reversal of an order's points and growth to core's cumulative
 * merchandise share (SPEC §0.4, the rule every plugin shares): points and growth
 * were earned on the whole merchandise, so `order.reversal.merchandise` of each is
 * taken back in total, all of it on cancel. The ledger posts only what is still
 * missing (under the original's row lock), so refunds, returns and redeliveries
 * in any order reverse nothing twice; points already spent become debt repaid
 * from later points. On cancel, points still pending are voided instead.
 */
export const planOrderReversalStep = createStep(
  "fission-membership-plan-order-reversal",
  async (input: OrderReversalCause, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const [record] = await service.listMembershipOrders({ order_id: input.order.id })
    const empty = { customer_id: record?.customer_id ?? null, reversals: [] as ReverseInput[], void_points: false, points_key: null as string | null }
    // a canceled order's points were voided or reversed in full: nothing is left to take back
    if (!record || record.status === "canceled") return new StepResponse(empty)

    const voidPoints = input.cause === "cancel" && record.status === "pending"
    const share = input.cause === "cancel" ? { numerator: "1", denominator: "1" } : input.order.reversal.merchandise
    const earnings = [
      { asset: "points", key: record.points_key, earned: Number(record.points) },
      { asset: "growth", key: record.growth_key, earned: Number(record.growth) },
    ]
      .filter((e) => e.key && e.earned > 0 && !(e.asset === "points" && voidPoints))
      .map((e) => ({ posting_key: e.key as string, amount: e.earned, digits: 0, share, reason: `${e.asset}.order_${input.cause}`, as_of: input.order.reversal.as_of }))
    return new StepResponse({
      customer_id: record.customer_id,
      reversals: reversalEntriesFor(earnings).map((r) => ({ ...r, source_type: "order", source_id: input.order.id })),
      void_points: voidPoints,
      points_key: record.points_key as string | null,
    })
  }
)

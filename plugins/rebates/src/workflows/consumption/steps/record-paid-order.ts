import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FissionOrder } from "@fission/core/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { localMonth } from "../../../utils/months"
import { orderMerchandise } from "../../../utils/order-merchandise"

/**
 * Records a paid order's merchandise for the local month it was paid in (SPEC §3.1),
 * once: the first delivery of `fission.order.paid` fixes the month, redeliveries find
 * the row. What was reversed already (a refund processed before this event) is raised
 * on the row at once. A guest's order counts in the month's GMV only.
 *
 * No compensation, on purpose: the row is a fact about the order (paid, in this
 * month), true whatever happens after; the evaluation that follows is idempotent.
 */
export const recordPaidOrderStep = createStep(
  "fission-rebates-record-paid-order",
  async (input: { order: FissionOrder; paid_at?: string }, { container }) => {
    const { order } = input
    if (!order.paid) return new StepResponse(null)
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const settings = await service.retrieveSettings()
    const paidAt = input.paid_at ? new Date(input.paid_at) : new Date()
    const { paid, reversed } = orderMerchandise(order)
    let row = await service.recordPaidOrder({
      order_id: order.id,
      customer_id: order.registered && order.customer_id ? order.customer_id : null,
      month: localMonth(paidAt, settings.time_zone),
      currency_code: order.currency_code.toLowerCase(),
      paid_amount: paid,
      paid_at: paidAt,
    })
    if (reversed !== "0") row = (await service.raiseOrderReversed({ order_id: order.id, reversed })) ?? row
    return new StepResponse(row)
  }
)

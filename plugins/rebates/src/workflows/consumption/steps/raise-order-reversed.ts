import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { FissionOrder } from "@fission/core/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { orderMerchandise } from "../../../utils/order-merchandise"

/**
 * Raises the order's reversed total to core's cumulative target (SPEC §0.4): the
 * refund, return or cancel lowers the consumption of the month the order was paid
 * in. The total only grows, so redelivered or reordered events change nothing.
 * An order never recorded as paid (canceled before payment) has nothing to reverse.
 *
 * No compensation, on purpose: the new total is what core says is reversed by now;
 * putting back a lower one would count refunded money as consumption.
 */
export const raiseOrderReversedStep = createStep(
  "fission-rebates-raise-order-reversed",
  async (input: { order: FissionOrder }, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const { reversed } = orderMerchandise(input.order)
    const row = await service.raiseOrderReversed({ order_id: input.order.id, reversed })
    return new StepResponse(row)
  }
)

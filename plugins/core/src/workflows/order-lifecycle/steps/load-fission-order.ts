import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE, RefundRequestModuleService } from "../../../modules/refund-request"
import { frac, toFraction } from "../../../utils/money"
import { FISSION_ORDER_FIELDS, FissionOrder, toFissionOrder } from "../../../utils/order-lifecycle"

/**
 * Loads the order once for every plugin (SPEC §0.3): one query.graph with the
 * lines, payments, refunds and returned quantities, plus what core's own refund
 * requests credited to store credit (they bypass the payment), turned into the
 * Fission order with its cumulative reversal shares. `with_cart` adds the cart id,
 * which only the placed event needs (it is a link, so one more query).
 */
export const loadFissionOrderStep = createStep(
  "fission-load-order",
  async (input: { order_id: string; with_cart?: boolean } | null, { container }) => {
    if (!input) return new StepResponse<FissionOrder | null>(null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const fields = input.with_cart ? [...FISSION_ORDER_FIELDS, "cart.id"] : FISSION_ORDER_FIELDS
    const { data } = await query.graph({ entity: "order", fields, filters: { id: input.order_id } })
    const raw = data[0] as any
    if (!raw) return new StepResponse<FissionOrder | null>(null)
    const toStoreCredit = await container
      .resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
      .listRefundRequests(
        { order_id: input.order_id, destination: "store_credit", status: "succeeded" },
        { select: ["refunded_amount"] }
      )
    const credited = toStoreCredit.reduce((total, r) => frac.add(total, toFraction(r.refunded_amount ?? 0)), frac.of(0))
    return new StepResponse<FissionOrder | null>(toFissionOrder(raw, raw.cart?.id ?? null, credited))
  }
)

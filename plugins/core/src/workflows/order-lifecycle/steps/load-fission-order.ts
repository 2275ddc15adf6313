import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FISSION_ORDER_FIELDS, FissionOrder, toFissionOrder } from "../../../utils/order-lifecycle"

/**
 * Loads the order once for every plugin (SPEC §0.3): one query.graph with the
 * totals, payments, refunds and returned quantities, turned into the Fission
 * order with its cumulative reversal shares. `with_cart` adds the cart id, which
 * only the placed event needs (it is a link, so one more query).
 */
export const loadFissionOrderStep = createStep(
  "fission-load-order",
  async (input: { order_id: string; with_cart?: boolean } | null, { container }) => {
    if (!input) return new StepResponse<FissionOrder | null>(null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const fields = input.with_cart ? [...FISSION_ORDER_FIELDS, "cart.id"] : FISSION_ORDER_FIELDS
    const { data } = await query.graph({ entity: "order", fields, filters: { id: input.order_id } })
    const raw = data[0] as any
    return new StepResponse<FissionOrder | null>(raw ? toFissionOrder(raw, raw.cart?.id ?? null) : null)
  }
)

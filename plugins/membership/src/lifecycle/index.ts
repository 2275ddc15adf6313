import { MedusaContainer } from "@medusajs/framework/types"
import { evaluateMemberLevelWorkflow } from "../workflows/levels"
import { cancelOrderPointsWorkflow, OrderReversalCause, recordPaidOrderPointsWorkflow, reverseOrderPointsWorkflow } from "../workflows/orders"
import { withOrderLock } from "../utils/order-lookup"

/** Paid: credit points and growth, then re-evaluate the buyer's level. */
export async function onOrderPaid(container: MedusaContainer, order_id: string) {
  const { result } = await withOrderLock(container, order_id, () =>
    recordPaidOrderPointsWorkflow(container).run({ input: { order_id } })
  )
  if (result?.customer_id) {
    await evaluateMemberLevelWorkflow(container).run({ input: { customer_id: result.customer_id, reason: `order_paid:${order_id}` } })
  }
}

/** Refund, return or cancel: reverse in proportion, then re-evaluate the level. */
export async function onOrderReversed(container: MedusaContainer, cause: OrderReversalCause) {
  const { result } = await withOrderLock(container, cause.order_id, () =>
    cause.cause === "cancel"
      ? cancelOrderPointsWorkflow(container).run({ input: { order_id: cause.order_id } })
      : reverseOrderPointsWorkflow(container).run({ input: cause })
  )
  if (result?.customer_id) {
    await evaluateMemberLevelWorkflow(container).run({
      input: { customer_id: result.customer_id, reason: `order_${cause.cause}:${cause.cause_id}` },
    })
  }
}

import { MedusaContainer } from "@medusajs/framework/types"
import type { FissionOrder } from "@fission/core/utils"
import { evaluateMemberLevelWorkflow } from "../workflows/levels"
import { cancelOrderPointsWorkflow, recordPaidOrderPointsWorkflow, reverseOrderPointsWorkflow } from "../workflows/orders"

/** Paid: credit points and growth, then re-evaluate the buyer's level. */
export async function onOrderPaid(container: MedusaContainer, order: FissionOrder) {
  const { result } = await recordPaidOrderPointsWorkflow(container).run({ input: { order } })
  if (result?.customer_id) {
    await evaluateMemberLevelWorkflow(container).run({ input: { customer_id: result.customer_id, reason: `order_paid:${order.id}` } })
  }
}

/** Refund, return or cancel: reverse to core's cumulative share (SPEC §0.4), then re-evaluate the level. */
export async function onOrderReversed(container: MedusaContainer, order: FissionOrder, cause: "refund" | "return" | "cancel") {
  const { result } =
    cause === "cancel"
      ? await cancelOrderPointsWorkflow(container).run({ input: { order } })
      : await reverseOrderPointsWorkflow(container).run({ input: { order, cause } })
  if (result?.customer_id) {
    await evaluateMemberLevelWorkflow(container).run({
      input: { customer_id: result.customer_id, reason: `order_${cause}:${order.id}` },
    })
  }
}

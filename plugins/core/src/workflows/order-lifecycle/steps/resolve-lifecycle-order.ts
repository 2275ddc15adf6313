import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FissionOrderEventName, FissionOrderEvents } from "../../../utils/order-lifecycle"

/** Medusa's order/payment lifecycle events core subscribes to (and its own store-credit refunds), and what each becomes. */
export const MEDUSA_LIFECYCLE_EVENTS = {
  "order.placed": { via: "order", emits: [FissionOrderEvents.PLACED] },
  "payment.captured": { via: "payment", emits: [FissionOrderEvents.PAID] },
  "payment.refunded": { via: "payment", emits: [FissionOrderEvents.REFUNDED] },
  "order.canceled": { via: "order", emits: [FissionOrderEvents.CANCELED] },
  "order.return_received": { via: "order_id", emits: [FissionOrderEvents.RETURNED] },
  "delivery.created": { via: "fulfillment", emits: [FissionOrderEvents.DELIVERED] },
  "order.completed": { via: "order", emits: [FissionOrderEvents.DELIVERED] },
  // core's own refund requests to store credit don't go through a payment: no payment.refunded
  "fission.refund.succeeded": { via: "store_credit_refund", emits: [FissionOrderEvents.REFUNDED] },
} as const satisfies Record<string, { via: string; emits: FissionOrderEventName[] }>

export type MedusaLifecycleEvent = keyof typeof MEDUSA_LIFECYCLE_EVENTS

export type LifecycleCause = { event: MedusaLifecycleEvent; data: Record<string, any> }
export type LifecycleTarget = { order_id: string; cause: { event: string; id: string }; emits: FissionOrderEventName[] }

/**
 * Turns a Medusa lifecycle event into the order it concerns: payment and
 * fulfillment events carry their own ids, so those are looked up once here.
 * Null when the event is not about an order (e.g. a payment outside one).
 */
export const resolveLifecycleOrderStep = createStep(
  "fission-resolve-lifecycle-order",
  async (input: LifecycleCause, { container }) => {
    const rule = MEDUSA_LIFECYCLE_EVENTS[input.event]
    if (rule?.via === "store_credit_refund" && input.data?.destination !== "store_credit") {
      // refunds to the original payment are published from Medusa's payment.refunded
      return new StepResponse<LifecycleTarget | null>(null)
    }
    const id: string | undefined = rule?.via === "order_id" ? input.data?.return_id ?? input.data?.order_id : input.data?.id
    if (!rule || typeof id !== "string") return new StepResponse<LifecycleTarget | null>(null)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let order_id: string | undefined
    if (rule.via === "order") order_id = id
    else if (rule.via === "order_id" || rule.via === "store_credit_refund") order_id = input.data.order_id
    else if (rule.via === "payment") {
      const { data } = await query.graph({ entity: "payment", fields: ["id", "payment_collection.order.id"], filters: { id } })
      order_id = (data[0] as any)?.payment_collection?.order?.id
    } else {
      const { data } = await query.graph({ entity: "fulfillment", fields: ["id", "order.id"], filters: { id } })
      order_id = (data[0] as any)?.order?.id
    }
    if (typeof order_id !== "string") return new StepResponse<LifecycleTarget | null>(null)
    return new StepResponse<LifecycleTarget | null>({ order_id, cause: { event: input.event, id }, emits: [...rule.emits] })
  }
)

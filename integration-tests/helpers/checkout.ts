import { Headers } from "./actors"
import { COUNTRY, StoreFixture } from "../../src/lib/store-fixture"

export type CartItem = { variant_id: string; quantity: number; metadata?: Record<string, unknown> }

export const SHIPPING_ADDRESS = {
  first_name: "Test",
  last_name: "Shopper",
  address_1: "1 Fruit Road",
  city: "Ganzhou",
  country_code: COUNTRY,
  postal_code: "341000",
  phone: "13800000000",
}

/** Builds a cart through the Store API up to the point of completion. */
export async function prepareCart(
  api: any,
  headers: Headers,
  fixture: StoreFixture,
  items: CartItem[],
  { beforeComplete }: { beforeComplete?: (cartId: string) => Promise<void> } = {}
) {
  const {
    data: { cart },
  } = await api.post("/store/carts", { region_id: fixture.region_id }, { headers })
  for (const item of items) {
    await api.post(`/store/carts/${cart.id}/line-items`, item, { headers })
  }
  await api.post(`/store/carts/${cart.id}`, { shipping_address: SHIPPING_ADDRESS }, { headers })
  const {
    data: { shipping_options },
  } = await api.get(`/store/shipping-options?cart_id=${cart.id}`, { headers })
  await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, { headers })
  await beforeComplete?.(cart.id)
  const {
    data: { payment_collection },
  } = await api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
  await api.post(
    `/store/payment-collections/${payment_collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    { headers }
  )
  return cart.id as string
}

/**
 * Places a real order through the storefront flow: cart → line items → address →
 * shipping method → payment session (system provider) → complete.
 */
export async function placeOrder(
  api: any,
  headers: Headers,
  fixture: StoreFixture,
  items: CartItem[],
  options: { beforeComplete?: (cartId: string) => Promise<void> } = {}
) {
  const cartId = await prepareCart(api, headers, fixture, items, options)
  const { data } = await api.post(`/store/carts/${cartId}/complete`, {}, { headers })
  if (data.type !== "order") throw new Error(`cart ${cartId} did not complete: ${JSON.stringify(data.error)}`)
  return data.order
}

/** Captures every authorized payment of an order as the admin does ("paid", SPEC §0.3). */
export async function captureOrder(api: any, adminHeaders: Headers, orderId: string) {
  const {
    data: { order },
  } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, { headers: adminHeaders })
  for (const collection of order.payment_collections) {
    for (const payment of collection.payments) {
      if (!payment.captured_at) await api.post(`/admin/payments/${payment.id}/capture`, {}, { headers: adminHeaders })
    }
  }
}

/** Fulfils every line of an order from the location and marks it delivered (emits `delivery.created`). */
export async function deliverOrder(api: any, adminHeaders: Headers, orderId: string, locationId: string) {
  const headers = { headers: adminHeaders }
  const {
    data: { order },
  } = await api.get(`/admin/orders/${orderId}?fields=*items`, headers)
  await api.post(
    `/admin/orders/${orderId}/fulfillments`,
    { items: order.items.map((i: any) => ({ id: i.id, quantity: i.quantity })), location_id: locationId },
    headers
  )
  const { data } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id`, headers)
  await api.post(`/admin/orders/${orderId}/fulfillments/${data.order.fulfillments[0].id}/mark-as-delivered`, {}, headers)
}

/**
 * Returns order lines the way an admin does in Medusa's dashboard (create the return,
 * request the items, confirm, receive them, confirm receipt → `order.return_received`).
 * The lines must be fulfilled first (deliverOrder).
 */
export async function returnItems(
  api: any,
  adminHeaders: Headers,
  orderId: string,
  locationId: string,
  items: { id: string; quantity: number }[]
) {
  const headers = { headers: adminHeaders }
  const {
    data: { return: ret },
  } = await api.post("/admin/returns", { order_id: orderId, location_id: locationId }, headers)
  await api.post(`/admin/returns/${ret.id}/request-items`, { items }, headers)
  await api.post(`/admin/returns/${ret.id}/request`, {}, headers)
  await api.post(`/admin/returns/${ret.id}/receive`, {}, headers)
  await api.post(`/admin/returns/${ret.id}/receive-items`, { items }, headers)
  await api.post(`/admin/returns/${ret.id}/receive/confirm`, {}, headers)
  return ret.id as string
}

/** Refunds `amount` of the order's first captured payment. */
export async function refundOrder(api: any, adminHeaders: Headers, orderId: string, amount: number) {
  const headers = { headers: adminHeaders }
  const { data } = await api.get(`/admin/orders/${orderId}?fields=*payment_collections.payments`, headers)
  const payment = data.order.payment_collections.flatMap((c: any) => c.payments).find((p: any) => p.captured_at)
  await api.post(`/admin/payments/${payment.id}/refund`, { amount }, headers)
  return payment.id as string
}

import { z } from "@medusajs/framework/zod"
import { zId, zLimit, zOffset, zText } from "@fission/core/utils"

export const StoreGetPresalesParams = z.strictObject({
  offset: zOffset(),
  limit: zLimit(100, 20),
  status: z.enum(["active", "closed", "failed", "canceled"]).optional(),
})
export type StoreGetPresalesParamsType = z.infer<typeof StoreGetPresalesParams>

export const StoreGetPresaleDrawsParams = z.strictObject({
  offset: zOffset(),
  limit: zLimit(100, 20),
})
export type StoreGetPresaleDrawsParamsType = z.infer<typeof StoreGetPresaleDrawsParams>

/** Join: the campaign's item at the current tier price into the shopper's own cart. */
export const StoreAddPresaleToCart = z.strictObject({
  cart_id: zId("cart_id"),
  client_seed: zText("client_seed", 128).optional(),
})
export type StoreAddPresaleToCartType = z.infer<typeof StoreAddPresaleToCart>

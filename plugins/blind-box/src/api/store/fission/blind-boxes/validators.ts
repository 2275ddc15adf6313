import { z } from "@medusajs/framework/zod"
import { zId, zLimit, zOffset, zText } from "@fission/core/utils"

export const StoreInitiateBlindBox = z.strictObject({
  template_id: zId("template_id"),
  client_seed: zText("client_seed", 200).optional(),
  idempotency_key: zId("idempotency_key").optional(),
})
export type StoreInitiateBlindBoxType = z.infer<typeof StoreInitiateBlindBox>

export const StoreOpenBlindBox = z.strictObject({
  idempotency_key: zId("idempotency_key").optional(),
})
export type StoreOpenBlindBoxType = z.infer<typeof StoreOpenBlindBox>

const line = (field: string) => zText(field, 200)
export const ShippingAddress = z.strictObject({
  first_name: line("shipping_address.first_name"),
  last_name: line("shipping_address.last_name"),
  address_1: line("shipping_address.address_1"),
  address_2: line("shipping_address.address_2").optional(),
  company: line("shipping_address.company").optional(),
  city: line("shipping_address.city"),
  province: line("shipping_address.province").optional(),
  postal_code: line("shipping_address.postal_code"),
  country_code: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, "shipping_address.country_code must be a 2-letter country code")
    .transform((v) => v.toLowerCase()),
  phone: line("shipping_address.phone").optional(),
})

export const StoreClaimBlindBox = z.strictObject({
  choice: z.enum(["product", "vouchers"], { message: 'choice must be "product" or "vouchers"' } as any),
  shipping_address: ShippingAddress.optional(),
})
export type StoreClaimBlindBoxType = z.infer<typeof StoreClaimBlindBox>

export const StoreListParams = z.strictObject({ offset: zOffset(), limit: zLimit(100, 20) })
export type StoreListParamsType = z.infer<typeof StoreListParams>

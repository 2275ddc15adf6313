import { z } from "@medusajs/framework/zod"
import { zDateTime, zId, zInt, zLimit, zMoney, zName, zOffset, zQueryInt, zText } from "@fission/core/utils"

const rules = {
  title: zName("title"),
  description: zText("description").nullable().optional(),
  variant_id: zId("variant_id"),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code"),
  base_price: zMoney("base_price"),
  step_amount: zMoney("step_amount"),
  step_interval: zInt("step_interval", { min: 1, max: 1_000_000 }),
  max_steps: zInt("max_steps", { min: 0, max: 1000 }),
  free_interval: zInt("free_interval", { min: 1, max: 1_000_000 }).nullable().optional(),
  min_participants: zInt("min_participants", { min: 1, max: 10_000_000 }).nullable().optional(),
  max_participants: zInt("max_participants", { min: 1, max: 10_000_000 }).nullable().optional(),
  starts_at: zDateTime("starts_at").nullable().optional(),
  ends_at: zDateTime("ends_at"),
  shipping_date: zDateTime("shipping_date").nullable().optional(),
  refund_destination: z.enum(["original_payment", "store_credit"]).optional(),
  refund_timing: z.enum(["each_step", "at_close"]).optional(),
  status: z.enum(["draft", "active"]).optional(),
}

export const AdminCreatePresale = z.strictObject(rules)
export type AdminCreatePresaleType = z.infer<typeof AdminCreatePresale>

export const AdminUpdatePresale = z.strictObject(
  Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, (v as any).optional()])) as { [K in keyof typeof rules]: z.ZodOptional<(typeof rules)[K]> }
)
export type AdminUpdatePresaleType = z.infer<typeof AdminUpdatePresale>

export const AdminGetPresalesParams = z.strictObject({
  offset: zOffset(),
  limit: zLimit(100, 20),
  status: z.enum(["draft", "active", "closed", "failed", "canceled"]).optional(),
  product_id: zId("product_id").optional(),
})
export type AdminGetPresalesParamsType = z.infer<typeof AdminGetPresalesParams>

export const AdminGetParticipantsParams = z.strictObject({
  offset: zOffset(),
  limit: zLimit(500, 50),
})
export type AdminGetParticipantsParamsType = z.infer<typeof AdminGetParticipantsParams>

export const AdminFindParticipantsParams = z
  .strictObject({
    order_id: zId("order_id").optional(),
    customer_id: zId("customer_id").optional(),
    limit: zLimit(100, 20),
  })
  .refine((q) => q.order_id || q.customer_id, "order_id or customer_id is required")
export type AdminFindParticipantsParamsType = z.infer<typeof AdminFindParticipantsParams>

export const AdminProjectionParams = z.strictObject({
  unit_cost: zMoney("unit_cost").optional(),
  count: zQueryInt("count", { min: 0, max: 10_000_000 }).optional(),
})
export type AdminProjectionParamsType = z.infer<typeof AdminProjectionParams>

export const AdminEndPresale = z.strictObject({ reason: zText("reason", 500).optional() })
export type AdminEndPresaleType = z.infer<typeof AdminEndPresale>

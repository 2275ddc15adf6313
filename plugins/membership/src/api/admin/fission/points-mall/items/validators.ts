import { z } from "@medusajs/framework/zod"
import { zId, zInt, zMoney, zName, zOffset, zText } from "@fission/core/utils"

const when = z.union([z.string().datetime({ offset: true }), z.date()]).nullable().optional()

const fields = {
  title: zName("title"),
  description: zText("description").nullable().optional(),
  points_cost: zInt("points_cost", { min: 1 }),
  template_promotion_id: zId("template_promotion_id").nullable().optional(),
  variant_id: zId("variant_id").nullable().optional(),
  cash_price: zMoney("cash_price").nullable().optional(),
  credit_amount: zMoney("credit_amount").nullable().optional(),
  currency_code: z.string().min(3).max(3).toLowerCase().nullable().optional(),
  stock: zInt("stock").nullable().optional(),
  per_customer_limit: zInt("per_customer_limit", { min: 1 }).nullable().optional(),
  allowed_level_ids: z.array(zId("allowed_level_ids[]")).max(100).nullable().optional(),
  starts_at: when,
  ends_at: when,
  is_active: z.boolean().optional(),
}

export const AdminCreateMallItem = z.strictObject({ kind: z.enum(["coupon", "product", "store_credit"]), ...fields })
export type AdminCreateMallItemType = z.infer<typeof AdminCreateMallItem>

export const AdminUpdateMallItem = z.strictObject({
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, (v as z.ZodTypeAny).optional()])),
} as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> })
export type AdminUpdateMallItemType = z.infer<typeof AdminUpdateMallItem>

export const AdminGetMallItemsParams = z.strictObject({
  kind: z.enum(["coupon", "product", "store_credit"]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: zOffset(),
})
export type AdminGetMallItemsParamsType = z.infer<typeof AdminGetMallItemsParams>

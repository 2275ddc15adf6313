import { z } from "@medusajs/framework/zod"

const decimal = z.union([z.number().min(0), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal number")])
const when = z.union([z.string().datetime({ offset: true }), z.date()]).nullable().optional()

const fields = {
  title: z.string().min(1),
  description: z.string().nullable().optional(),
  points_cost: z.number().int().min(1),
  template_promotion_id: z.string().nullable().optional(),
  variant_id: z.string().nullable().optional(),
  cash_price: decimal.nullable().optional(),
  credit_amount: decimal.nullable().optional(),
  currency_code: z.string().min(3).max(3).toLowerCase().nullable().optional(),
  stock: z.number().int().min(0).nullable().optional(),
  per_customer_limit: z.number().int().min(1).nullable().optional(),
  allowed_level_ids: z.array(z.string()).nullable().optional(),
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
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminGetMallItemsParamsType = z.infer<typeof AdminGetMallItemsParams>

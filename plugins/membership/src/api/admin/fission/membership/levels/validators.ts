import { z } from "@medusajs/framework/zod"

const decimal = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/, "must be a decimal number")])
const count = z.number().int().min(0)

const fields = {
  position: count.optional(),
  growth_threshold: count.optional(),
  points_multiplier: decimal.optional(),
  customer_group_id: z.string().nullable().optional(),
  free_shipping_threshold: decimal.nullable().optional(),
  birthday_points: count.optional(),
  description: z.string().nullable().optional(),
  exclusive_product_ids: z.array(z.string().min(1)).max(500).nullable().optional(),
}

export const AdminCreateMemberLevel = z.strictObject({ name: z.string().min(1), ...fields })
export type AdminCreateMemberLevelType = z.infer<typeof AdminCreateMemberLevel>

export const AdminUpdateMemberLevel = z.strictObject({ name: z.string().min(1).optional(), ...fields })
export type AdminUpdateMemberLevelType = z.infer<typeof AdminUpdateMemberLevel>

export const AdminGetMemberLevelsParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})
export type AdminGetMemberLevelsParamsType = z.infer<typeof AdminGetMemberLevelsParams>

import { z } from "@medusajs/framework/zod"
import { zDecimal, zId, zInt, zMoney, zName, zOffset, zText } from "@fission/core/utils"


const fields = {
  position: zInt("position").optional(),
  growth_threshold: zInt("growth_threshold").optional(),
  /** 0 … 100 (1.5 = one and a half times the base points), at most 4 decimals. */
  points_multiplier: zDecimal("points_multiplier", { min: 0, max: 100, decimals: 4 }).optional(),
  customer_group_id: zId("customer_group_id").nullable().optional(),
  free_shipping_threshold: zMoney("free_shipping_threshold").nullable().optional(),
  birthday_points: zInt("birthday_points").optional(),
  description: zText("description").nullable().optional(),
  exclusive_product_ids: z.array(zId("exclusive_product_ids[]")).max(500).nullable().optional(),
}

export const AdminCreateMemberLevel = z.strictObject({ name: zName("name"), ...fields })
export type AdminCreateMemberLevelType = z.infer<typeof AdminCreateMemberLevel>

export const AdminUpdateMemberLevel = z.strictObject({ name: zName("name").optional(), ...fields })
export type AdminUpdateMemberLevelType = z.infer<typeof AdminUpdateMemberLevel>

export const AdminGetMemberLevelsParams = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: zOffset(),
})
export type AdminGetMemberLevelsParamsType = z.infer<typeof AdminGetMemberLevelsParams>

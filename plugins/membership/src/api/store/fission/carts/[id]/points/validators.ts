import { z } from "@medusajs/framework/zod"
import { zId } from "@fission/core/utils"

export const StoreApplyCartPoints = z
  .strictObject({ line_item_id: zId("line_item_id").optional(), item_id: zId("item_id").optional() })
  .refine((b) => !!b.line_item_id !== !!b.item_id, { message: "give exactly one of line_item_id or item_id", path: ["line_item_id"] })
export type StoreApplyCartPointsType = z.infer<typeof StoreApplyCartPoints>

export const StoreRemoveCartPoints = z.strictObject({ line_item_id: zId("line_item_id").optional() })
export type StoreRemoveCartPointsType = z.infer<typeof StoreRemoveCartPoints>

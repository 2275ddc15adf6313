import { z } from "@medusajs/framework/zod"
import { DRAW_KINDS } from "../../../../utils/fair-draw"
import { zId, zLimit, zOffset } from "../../../../utils/validation"

export const AdminGetFairDrawsParams = z.strictObject({
  offset: zOffset(),
  limit: zLimit(100, 20),
  source_type: zId("source_type").optional(),
  source_id: zId("source_id").optional(),
  status: z.enum(["committed", "drawn"]).optional(),
  kind: z.enum(DRAW_KINDS).optional(),
})
export type AdminGetFairDrawsParamsType = z.infer<typeof AdminGetFairDrawsParams>

// The detail route takes no query parameters; unknown ones are rejected.
export const AdminGetFairDrawParams = z.strictObject({})

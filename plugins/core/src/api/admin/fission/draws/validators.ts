import { z } from "@medusajs/framework/zod"
import { DRAW_KINDS } from "../../../../utils/fair-draw"

export const AdminGetFairDrawsParams = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  source_type: z.string().min(1).optional(),
  source_id: z.string().min(1).optional(),
  status: z.enum(["committed", "drawn"]).optional(),
  kind: z.enum(DRAW_KINDS).optional(),
})
export type AdminGetFairDrawsParamsType = z.infer<typeof AdminGetFairDrawsParams>

// The detail route takes no query parameters; unknown ones are rejected.
export const AdminGetFairDrawParams = z.strictObject({})

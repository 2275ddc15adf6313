import { z } from "@medusajs/framework/zod"

const noNul = (s: string) => !s.includes("\u0000")
const id = z.string().min(1).max(200).refine(noNul, "must not contain NUL bytes")
/** One value, a comma-separated list or a repeated parameter; at most 100 values. */
const oneOrMany = z
  .union([id, z.array(id).max(100)])
  .transform((v) => (Array.isArray(v) ? v : v.split(",").filter(Boolean)))
  .refine((v) => v.length <= 100, "at most 100 values")

export const REFUND_REQUEST_STATUSES = ["pending", "processing", "succeeded", "failed"] as const

export const AdminGetRefundRequestsParams = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z
    .union([z.string(), z.array(z.string()).max(4)])
    .transform((v) => (Array.isArray(v) ? v : v.split(",").filter(Boolean)))
    .pipe(z.array(z.enum(REFUND_REQUEST_STATUSES)).min(1).max(4))
    .optional(),
  order_id: oneOrMany.optional(),
  source_type: id.optional(),
  source_id: oneOrMany.optional(),
  cause_key: id.optional(),
})
export type AdminGetRefundRequestsParamsType = z.infer<typeof AdminGetRefundRequestsParams>

export const AdminGetRefundRequestParams = z.strictObject({})
export const AdminRetryRefundRequest = z.strictObject({})

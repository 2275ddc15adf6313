import { z } from "@medusajs/framework/zod"

const id = z.string().min(1).max(200).refine((s) => !s.includes("\u0000"), "must not contain NUL bytes")

export const AdminGetWalletPaymentsParams = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  customer_id: id.optional(),
  status: z.enum(["pending", "succeeded", "failed", "reversed"]).optional(),
  source_type: id.optional(),
  source_id: id.optional(),
})
export type AdminGetWalletPaymentsParamsType = z.infer<typeof AdminGetWalletPaymentsParams>

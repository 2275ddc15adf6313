import { z } from "@medusajs/framework/zod"
import { WITHDRAWAL_STATUSES } from "../../../../utils/withdrawals"

export const AdminGetWithdrawalsParams = z.strictObject({
  status: z.enum(WITHDRAWAL_STATUSES).optional(),
  customer_id: z.string().min(1).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type AdminGetWithdrawalsParamsType = z.infer<typeof AdminGetWithdrawalsParams>

export const AdminApproveWithdrawal = z.strictObject({})

export const AdminRejectWithdrawal = z.strictObject({
  reason: z.string().trim().min(3, "reason is required (at least 3 characters)").max(500, "reason must be at most 500 characters"),
})
export type AdminRejectWithdrawalType = z.infer<typeof AdminRejectWithdrawal>

export const AdminMarkWithdrawalPaid = z.strictObject({
  /** The transfer reference (bank/Alipay/WeChat transaction id); required for the manual provider. */
  reference: z.string().trim().min(1, "reference must not be empty").max(200, "reference must be at most 200 characters").optional(),
  /** A configured payout provider; default `manual`. */
  provider_id: z.string().min(1).optional(),
})
export type AdminMarkWithdrawalPaidType = z.infer<typeof AdminMarkWithdrawalPaid>

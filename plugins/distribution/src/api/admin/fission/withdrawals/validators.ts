import { z } from "@medusajs/framework/zod"
import { zId, zOffset } from "@fission/core/utils"
import { WITHDRAWAL_STATUSES } from "../../../../utils/withdrawals"

export const AdminGetWithdrawalsParams = z.strictObject({
  status: z.enum(WITHDRAWAL_STATUSES).optional(),
  customer_id: zId("customer_id").optional(),
  offset: zOffset(),
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
  provider_id: zId("provider_id").optional(),
})
export type AdminMarkWithdrawalPaidType = z.infer<typeof AdminMarkWithdrawalPaid>

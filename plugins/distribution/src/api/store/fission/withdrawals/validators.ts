import { z } from "@medusajs/framework/zod"
import { decimalProblem, fromMinor, isMoney, MONEY_MAX, toMinor, zOffset } from "@fission/core/utils"
import { WITHDRAWAL_METHODS, WITHDRAWAL_STATUSES } from "../../../../utils/withdrawals"

/** A positive amount in major units with at most 2 decimals, as number or string; canonical string out. */
export const moneyAmount = (field: string) =>
  z
    .union([z.number(), z.string()])
    .refine(
      (v) => isMoney(v) && toMinor(v) > 0n && !decimalProblem(v, { max: MONEY_MAX }),
      `${field} must be a positive decimal number with at most 2 decimals, at most ${MONEY_MAX}`
    )
    .transform((v) => fromMinor(toMinor(v)))

export const StoreCreateWithdrawal = z.strictObject({
  amount: moneyAmount("amount"),
  method: z.enum(WITHDRAWAL_METHODS, { message: `method must be one of ${WITHDRAWAL_METHODS.join(", ")}` }),
  account: z.string().trim().max(200, "account must be at most 200 characters").optional().nullable(),
})
export type StoreCreateWithdrawalType = z.infer<typeof StoreCreateWithdrawal>

export const StoreGetWithdrawalsParams = z.strictObject({
  status: z.enum(WITHDRAWAL_STATUSES).optional(),
  offset: zOffset(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type StoreGetWithdrawalsParamsType = z.infer<typeof StoreGetWithdrawalsParams>

import { z } from "@medusajs/framework/zod"
import { moneyAmount } from "../../withdrawals/validators"

export const StoreConvertCommission = z.strictObject({
  amount: moneyAmount("amount"),
  /** Send the same key when retrying: the conversion then happens once. */
  idempotency_key: z
    .string()
    .regex(/^[A-Za-z0-9_:.-]{8,100}$/, "idempotency_key must be 8-100 characters of letters, digits, _ : . -")
    .optional(),
})
export type StoreConvertCommissionType = z.infer<typeof StoreConvertCommission>

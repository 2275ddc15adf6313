import { z } from "@medusajs/framework/zod"
import { LEDGER_ASSETS } from "../../../../utils/ledger"
import { decimalProblem, MONEY_MAX, zId, zText } from "../../../../utils/validation"

export { LedgerHistoryParams } from "../../../utils/validators"

const adjustable = LEDGER_ASSETS.filter((a) => a !== "store_credit") as [string, ...string[]]

export const AdminLedgerAdjustment = z.strictObject({
  customer_id: zId("customer_id"),
  asset: z.enum(adjustable),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code")
    .transform((c) => c.toLowerCase())
    .optional(),
  // signed: a credit or a debit, never 0; its size is bounded like every amount
  amount: z
    .union([z.number(), z.string()])
    .refine(
      (v) => !decimalProblem(String(v).trim().replace(/^-/, ""), { min: 0, max: MONEY_MAX, minExclusive: true }),
      `amount must be a non-zero decimal number from -${MONEY_MAX} to ${MONEY_MAX} with at most 2 decimals`
    ),
  reason: zText("reason", 200)
    .transform((v) => v.trim())
    .refine((v) => v.length >= 3, "reason is required (at least 3 characters)"),
  note: zText("note", 500).optional(),
  /** Credits of lot assets (points) only: when this lot expires (default: never). Checked by the workflow. */
  expires_at: z
    .iso.datetime({ offset: true, error: "expires_at must be an ISO 8601 date-time, e.g. 2027-12-31T23:59:59Z" })
    .nullable()
    .optional(),
  /** Same key = same adjustment: a double-submitted form adjusts once. */
  idempotency_key: z.string().min(8).max(100).optional(),
})
export type AdminLedgerAdjustmentType = z.infer<typeof AdminLedgerAdjustment>

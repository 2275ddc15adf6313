import { z } from "@medusajs/framework/zod"
import { LEDGER_ASSETS } from "../../../../utils/ledger"

export { LedgerHistoryParams } from "../../../utils/validators"

const adjustable = LEDGER_ASSETS.filter((a) => a !== "store_credit") as [string, ...string[]]

export const AdminLedgerAdjustment = z.strictObject({
  customer_id: z.string().min(1),
  asset: z.enum(adjustable),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code")
    .transform((c) => c.toLowerCase())
    .optional(),
  amount: z
    .union([z.number(), z.string()])
    .refine((v) => /^-?\d+(\.\d+)?$/.test(String(v).trim()) && Number(v) !== 0, "amount must be a non-zero decimal number"),
  reason: z.string().trim().min(3, "reason is required (at least 3 characters)").max(200),
  note: z.string().max(500).optional(),
  /** Credits of lot assets (points) only: when this lot expires (default: never). Checked by the workflow. */
  expires_at: z
    .iso.datetime({ offset: true, error: "expires_at must be an ISO 8601 date-time, e.g. 2027-12-31T23:59:59Z" })
    .nullable()
    .optional(),
  /** Same key = same adjustment: a double-submitted form adjusts once. */
  idempotency_key: z.string().min(8).max(100).optional(),
})
export type AdminLedgerAdjustmentType = z.infer<typeof AdminLedgerAdjustment>

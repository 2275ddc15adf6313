import { z } from "@medusajs/framework/zod"
import { LEDGER_ASSETS } from "../../utils/ledger"
import { zLimit } from "../../utils/validation"
import { decodeHistoryCursor } from "./history/cursor"

export const LedgerHistoryParams = z.strictObject({
  asset: z.enum(LEDGER_ASSETS as [string, ...string[]]).optional(),
  limit: zLimit(100, 20),
  cursor: z
    .string()
    .max(200)
    .refine((c) => decodeHistoryCursor(c) !== null, "cursor must be a next_cursor returned by this route")
    .optional(),
})
export type LedgerHistoryParamsType = z.infer<typeof LedgerHistoryParams>

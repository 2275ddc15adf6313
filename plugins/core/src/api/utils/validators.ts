import { z } from "@medusajs/framework/zod"
import { LEDGER_ASSETS } from "../../utils/ledger"
import { decodeHistoryCursor } from "./history/cursor"

export const LedgerHistoryParams = z.strictObject({
  asset: z.enum(LEDGER_ASSETS as [string, ...string[]]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z
    .string()
    .refine((c) => decodeHistoryCursor(c) !== null, "cursor must be a next_cursor returned by this route")
    .optional(),
})
export type LedgerHistoryParamsType = z.infer<typeof LedgerHistoryParams>

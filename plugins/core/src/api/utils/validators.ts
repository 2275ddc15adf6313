import { z } from "@medusajs/framework/zod"
import { LEDGER_ASSETS } from "../../utils/ledger"

export const LedgerHistoryParams = z.strictObject({
  asset: z.enum(LEDGER_ASSETS as [string, ...string[]]).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().regex(/^lpst_[0-9A-Z]+$/, "cursor must be a posting id from next_cursor").optional(),
})
export type LedgerHistoryParamsType = z.infer<typeof LedgerHistoryParams>

import { z } from "@medusajs/framework/zod"
import { LEDGER_ASSETS } from "../../utils/ledger"
import { zLimit } from "../../utils/validation"

export const LedgerHistoryParams = z.strictObject({
  asset: z.enum(LEDGER_ASSETS as [string, ...string[]]).optional(),
  limit: zLimit(100, 20),
  cursor: z.string().max(100).regex(/^lpst_[0-9A-Z]+$/, "cursor must be a posting id from next_cursor").optional(),
})
export type LedgerHistoryParamsType = z.infer<typeof LedgerHistoryParams>

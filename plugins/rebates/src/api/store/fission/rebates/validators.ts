import { z } from "@medusajs/framework/zod"
import { zLimit, zOffset } from "@fission/core/utils"
import { zMonth } from "../../../utils/validators"

export const StoreGetRebateStatus = z.strictObject({ month: zMonth().optional() })
export type StoreGetRebateStatusType = z.infer<typeof StoreGetRebateStatus>

export const StoreGetRebateHistory = z.strictObject({ limit: zLimit(24, 12), offset: zOffset() })
export type StoreGetRebateHistoryType = z.infer<typeof StoreGetRebateHistory>

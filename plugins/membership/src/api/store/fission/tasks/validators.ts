import { z } from "@medusajs/framework/zod"

export const StoreGetTasksParams = z.strictObject({})

export const StoreClaimTask = z.strictObject({})

export const StoreReportShare = z.strictObject({
  /** where it was shared, e.g. "wechat_moments" */
  channel: z.string().min(1).max(64).optional(),
  /** what was shared: a product id, a URL … */
  target: z.string().min(1).max(500).optional(),
})
export type StoreReportShareType = z.infer<typeof StoreReportShare>

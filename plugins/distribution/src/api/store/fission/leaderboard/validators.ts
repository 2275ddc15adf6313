import { z } from "@medusajs/framework/zod"

export const StoreGetLeaderboardParams = z.strictObject({
  period: z.enum(["day", "week", "month", "all"]).default("month"),
  by: z.enum(["referrals", "sales"]).default("referrals"),
  currency_code: z.string().regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code").optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type StoreGetLeaderboardParamsType = z.infer<typeof StoreGetLeaderboardParams>

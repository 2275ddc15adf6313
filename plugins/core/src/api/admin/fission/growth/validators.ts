import { z } from "@medusajs/framework/zod"

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** `time_zone` decides where "today" starts (the page sends the store's); UTC when absent. */
export const AdminGrowthParams = z.strictObject({
  time_zone: z
    .string()
    .refine(isTimeZone, "time_zone must be an IANA time zone such as Asia/Shanghai")
    .optional()
    .default("UTC"),
})
export type AdminGrowthParamsType = z.infer<typeof AdminGrowthParams>

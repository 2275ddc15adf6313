import { z } from "@medusajs/framework/zod"

export const StoreGetCheckInsParams = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM")
    .optional(),
})
export type StoreGetCheckInsParamsType = z.infer<typeof StoreGetCheckInsParams>

export const StoreCreateCheckIn = z.strictObject({})

export const StoreCreateMakeupCheckIn = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date must be YYYY-MM-DD"),
})
export type StoreCreateMakeupCheckInType = z.infer<typeof StoreCreateMakeupCheckIn>

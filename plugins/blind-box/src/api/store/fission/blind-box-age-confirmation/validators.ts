import { z } from "@medusajs/framework/zod"
import { zInt, zName } from "@fission/core/utils"

export const StoreAgeConfirmation = z.strictObject({
  age: zInt("age", { min: 0, max: 150 }),
  guardian_consent: z.boolean().optional(),
  guardian_name: zName("guardian_name").optional(),
})
export type StoreAgeConfirmationType = z.infer<typeof StoreAgeConfirmation>

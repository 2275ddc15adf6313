import { z } from "@medusajs/framework/zod"

export const StoreUpdateMembership = z.strictObject({
  birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "birthday must be YYYY-MM-DD"),
})
export type StoreUpdateMembershipType = z.infer<typeof StoreUpdateMembership>

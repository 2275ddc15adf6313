import { z } from "@medusajs/framework/zod"

export const AdminUpdateMembershipCustomer = z.strictObject({
  birthday: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "birthday must be YYYY-MM-DD").nullable(),
})
export type AdminUpdateMembershipCustomerType = z.infer<typeof AdminUpdateMembershipCustomer>

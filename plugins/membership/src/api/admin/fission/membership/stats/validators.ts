import { z } from "@medusajs/framework/zod"

const month = (field: string) => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${field} must be YYYY-MM`)

/** Months in the store time zone, both inclusive; default: the last 12 local months. */
export const AdminGetMembershipStatsParams = z.strictObject({ from: month("from").optional(), to: month("to").optional() })
export type AdminGetMembershipStatsParamsType = z.infer<typeof AdminGetMembershipStatsParams>

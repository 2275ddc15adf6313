import { z } from "@medusajs/framework/zod"
import { zId, zOffset } from "@fission/core/utils"
import { COMMISSION_KINDS, COMMISSION_STATUSES } from "../../../utils/commission-records"

const oneOrMany = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.enum(values), z.array(z.enum(values))])

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Filters shared by the list, its totals and the daily chart. */
const filters = {
  status: oneOrMany(COMMISSION_STATUSES).optional(),
  kind: oneOrMany(COMMISSION_KINDS).optional(),
  level: z.coerce.number().int().min(1).max(2).optional(),
  beneficiary_id: zId("beneficiary_id").optional(),
  buyer_id: zId("buyer_id").optional(),
  order_id: zId("order_id").optional(),
  currency_code: z.string().trim().regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter ISO code").optional(),
}

export const AdminGetCommissionsParams = z.strictObject({
  ...filters,
  created_at: z
    .strictObject({
      gte: z.coerce.date().optional(),
      gt: z.coerce.date().optional(),
      lte: z.coerce.date().optional(),
      lt: z.coerce.date().optional(),
    })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: zOffset(),
})
export type AdminGetCommissionsParamsType = z.infer<typeof AdminGetCommissionsParams>

export const AdminGetDailyCommissionsParams = z.strictObject({
  ...filters,
  days: z.coerce.number().int().min(1).max(366).default(30),
  timezone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .refine(isTimeZone, { message: "timezone must be an IANA time zone such as Asia/Shanghai or UTC" })
    .default("UTC"),
})
export type AdminGetDailyCommissionsParamsType = z.infer<typeof AdminGetDailyCommissionsParams>

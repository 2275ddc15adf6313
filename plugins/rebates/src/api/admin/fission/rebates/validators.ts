import { z } from "@medusajs/framework/zod"
import { zInt, zLimit, zMoney, zName, zOffset, zRate } from "@fission/core/utils"
import { zMonth } from "../../../utils/validators"

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return tz.length <= 64
  } catch {
    return false
  }
}

export const AdminUpdateRebateSettings = z
  .strictObject({
    time_zone: z.string().refine(isTimeZone, "time_zone must be an IANA time zone such as Asia/Shanghai"),
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter currency code")
      .transform((c) => c.toLowerCase())
      .nullable(),
    close_day: zInt("close_day", { min: 1, max: 31 }),
    pool_mode: z.enum(["fixed", "gmv_rate"], { error: "pool_mode must be fixed or gmv_rate" }),
    pool_amount: zMoney("pool_amount"),
    pool_rate: zRate("pool_rate"),
    pool_threshold: zInt("pool_threshold"),
    payout_destination: z.enum(["commission", "store_credit"], { error: "payout_destination must be commission or store_credit" }),
    points_after_close: z.enum(["keep", "reset"], { error: "points_after_close must be keep or reset" }),
    tiered_enabled: z.boolean({ error: "tiered_enabled must be true or false" }),
    tiered_tiers: z
      .array(z.strictObject({ min_spend: zMoney("tiered_tiers.min_spend", { minExclusive: true }), rate: zRate("tiered_tiers.rate") }))
      .max(20, "tiered_tiers can have at most 20 tiers")
      .refine((tiers) => new Set(tiers.map((t) => String(t.min_spend))).size === tiers.length, "tiered_tiers must not repeat a min_spend"),
  })
  .partial()
export type AdminUpdateRebateSettingsType = z.infer<typeof AdminUpdateRebateSettings>

const teamStructure = z
  .array(zInt("team_structure[]", { min: 0, max: 1_000_000 }))
  .min(1, "team_structure needs 1 to 3 counts (depth 1, 2, 3), or null")
  .max(3, "team_structure counts at most 3 depths (SPEC §0.6)")
  .nullable()

export const AdminCreateRebateLevel = z.strictObject({
  position: zInt("position", { min: 1, max: 1000 }),
  name: zName("name"),
  min_consumption: zMoney("min_consumption"),
  team_structure: teamStructure.default(null),
  dividend_points: zInt("dividend_points"),
})
export type AdminCreateRebateLevelType = z.infer<typeof AdminCreateRebateLevel>

export const AdminUpdateRebateLevel = AdminCreateRebateLevel.partial()
export type AdminUpdateRebateLevelType = z.infer<typeof AdminUpdateRebateLevel>

export const AdminGetMonthClosePreview = z.strictObject({ month: zMonth() })
export type AdminGetMonthClosePreviewType = z.infer<typeof AdminGetMonthClosePreview>

export const AdminExecuteMonthClose = z.strictObject({ month: zMonth() })
export type AdminExecuteMonthCloseType = z.infer<typeof AdminExecuteMonthClose>

export const AdminListPoolRuns = z.strictObject({ limit: zLimit(100, 24), offset: zOffset() })
export type AdminListPoolRunsType = z.infer<typeof AdminListPoolRuns>

export const AdminGetRebateCustomer = z.strictObject({ month: zMonth().optional() })
export type AdminGetRebateCustomerType = z.infer<typeof AdminGetRebateCustomer>

import { z } from "@medusajs/framework/zod"
import { decimalProblem, MONEY_MAX, zDateTime, zId, zInt, zOffset } from "@fission/core/utils"
import { isMoney } from "../../../../utils"

const money = (field: string) =>
  z
    .union([z.number(), z.string()])
    .refine((v) => isMoney(v) && !decimalProblem(v, { max: MONEY_MAX }), `${field} must be a non-negative decimal with at most 2 decimals, at most ${MONEY_MAX}`)
    .transform((v) => String(v))

const fields = {
  title: z.string().trim().min(1, "title is required").max(200),
  description: z.string().max(2000).nullish(),
  variant_id: zId("variant_id"),
  price: money("price"),
  currency_code: z.string().trim().toLowerCase().length(3, "currency_code must be a 3-letter code"),
  group_size: z.number().int("group_size must be an integer").min(2, "group_size must be ≥ 2").max(10000),
  winners: zInt("winners", { min: 1, max: 10000 }),
  duration_hours: z.number().int("duration_hours must be an integer").min(1).max(24 * 365).optional(),
  loser_reward: money("loser_reward").optional(),
  red_envelope_amount: money("red_envelope_amount").optional(),
  red_envelope_split: z.enum(["random", "equal"]).optional(),
  winner_shopping_fund_ratio: z
    .union([z.number(), z.string()])
    .refine((v) => isMoney(v, 6) && Number(v) >= 0 && Number(v) <= 1, "winner_shopping_fund_ratio must be between 0 and 1")
    .transform((v) => String(v))
    .optional(),
  visibility: z.enum(["open", "private"]).optional(),
  max_groups_per_customer_per_day: zInt("max_groups_per_customer_per_day", { min: 1, max: 10000 }).nullish(),
  allow_early_draw: z.boolean().optional(),
  allow_shopper_groups: z.boolean().optional(),
  shopper_group_size_min: z.number().int("shopper_group_size_min must be an integer").min(2).max(10000).nullish(),
  shopper_group_size_max: z.number().int("shopper_group_size_max must be an integer").min(2).max(10000).nullish(),
  shopper_winners_min: zInt("shopper_winners_min", { min: 1, max: 10000 }).nullish(),
  shopper_winners_max: zInt("shopper_winners_max", { min: 1, max: 10000 }).nullish(),
  shopper_duration_hours_max: z.number().int("shopper_duration_hours_max must be an integer").min(1).max(24 * 365).nullish(),
  allow_private_groups: z.boolean().optional(),
  status: z.enum(["draft", "active", "ended"]).optional(),
  starts_at: zDateTime("starts_at").nullish(),
  ends_at: zDateTime("ends_at").nullish(),
}

export const AdminCreateGroupDraw = z.strictObject(fields)
export type AdminCreateGroupDrawType = z.infer<typeof AdminCreateGroupDraw>

export const AdminUpdateGroupDraw = z.strictObject(fields).partial()
export type AdminUpdateGroupDrawType = z.infer<typeof AdminUpdateGroupDraw>

export const AdminGetGroupDrawsParams = z.strictObject({
  status: z.enum(["draft", "active", "ended"]).optional(),
  product_id: zId("product_id").optional(),
  offset: zOffset(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type AdminGetGroupDrawsParamsType = z.infer<typeof AdminGetGroupDrawsParams>

export const AdminGetGroupsParams = z.strictObject({
  status: z.enum(["open", "full", "drawn", "refunding", "completed", "failed"]).optional(),
  offset: zOffset(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})
export type AdminGetGroupsParamsType = z.infer<typeof AdminGetGroupsParams>

const DAY = 86_400_000

/** `from`/`to` are days (or instants) in UTC; the range is at most 366 days. */
export const AdminGetGroupDrawStatsParams = z
  .strictObject({
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    // a plain string: `@fission/core/utils` carries no types, and the transform below needs this one
    campaign_id: z.string().min(1).max(100).optional(),
  })
  .transform((q) => {
    const to = q.to ?? new Date()
    const from = q.from ?? new Date(to.getTime() - 29 * DAY)
    return { ...q, from, to }
  })
  .refine((q) => q.from <= q.to, { message: "from must not be after to", path: ["from"] })
  .refine((q) => q.to.getTime() - q.from.getTime() <= 366 * DAY, { message: "the range from..to is at most 366 days", path: ["to"] })
export type AdminGetGroupDrawStatsParamsType = z.infer<typeof AdminGetGroupDrawStatsParams>

/** Seats of one order or one customer (admin widgets on order / customer pages). */
export const AdminGetGroupDrawMembersParams = z
  .strictObject({
    order_id: zId("order_id").optional(),
    customer_id: zId("customer_id").optional(),
    offset: zOffset(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => q.order_id || q.customer_id, { message: "order_id or customer_id is required", path: ["order_id"] })
export type AdminGetGroupDrawMembersParamsType = z.infer<typeof AdminGetGroupDrawMembersParams>

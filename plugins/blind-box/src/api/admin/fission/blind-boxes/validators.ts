import { z } from "@medusajs/framework/zod"
import { zId, zInt, zLimit, zMoney, zName, zOffset, zText } from "@fission/core/utils"

const money = (field: string) => zMoney(field).transform((v) => String(v))

const fields = {
  title: zName("title"),
  description: zText("description").nullish(),
  status: z.enum(["draft", "active", "archived"]).optional(),
  variant_id: zId("variant_id"),
  product_id: zId("product_id").optional(),
  currency_code: z
    .string()
    .regex(/^[a-zA-Z]{3}$/, "currency_code must be a 3-letter code")
    .transform((v) => v.toLowerCase()),
  prize_value: money("prize_value"),
  prize_cost: money("prize_cost").nullish(),
  boxes: zInt("boxes", { min: 1, max: 10_000 }),
  initiation_cash: money("initiation_cash"),
  initiation_vouchers: money("initiation_vouchers").optional(),
  open_price: money("open_price"),
  initiator_share: money("initiator_share"),
  no_win_opens: zInt("no_win_opens", { min: 0, max: 9_999 }).optional(),
  winner_vouchers: money("winner_vouchers").nullish(),
  consolation_vouchers: money("consolation_vouchers").optional(),
  seed_gift_vouchers: money("seed_gift_vouchers").optional(),
  seed_gift_limit: zInt("seed_gift_limit", { min: 0, max: 1_000_000 }).optional(),
  referrer_reward_initiation: money("referrer_reward_initiation").optional(),
  leader_reward_initiation: money("leader_reward_initiation").optional(),
  referrer_reward_open: money("referrer_reward_open").optional(),
}

export const AdminCreateBlindBoxTemplate = z.strictObject(fields)
export const AdminUpdateBlindBoxTemplate = z.strictObject(fields).partial()
export type AdminBlindBoxTemplateType = z.infer<typeof AdminUpdateBlindBoxTemplate>

/** A draft's economics: the terms the preview needs, nothing saved. */
export const AdminPreviewBlindBoxTemplate = z.strictObject({
  boxes: fields.boxes,
  no_win_opens: fields.no_win_opens,
  initiation_cash: fields.initiation_cash,
  open_price: fields.open_price,
  initiator_share: fields.initiator_share,
  prize_value: fields.prize_value.optional(),
  prize_cost: fields.prize_cost,
  referrer_reward_initiation: fields.referrer_reward_initiation,
  leader_reward_initiation: fields.leader_reward_initiation,
  referrer_reward_open: fields.referrer_reward_open,
})

export const AdminListTemplatesParams = z.strictObject({
  status: z.enum(["draft", "active", "archived"]).optional(),
  offset: zOffset(),
  limit: zLimit(100, 20),
})

export const AdminListBlindBoxesParams = z.strictObject({
  status: z.enum(["initiating", "open", "won", "failed"]).optional(),
  template_id: zId("template_id").optional(),
  customer_id: zId("customer_id").optional(),
  offset: zOffset(),
  limit: zLimit(100, 20),
})

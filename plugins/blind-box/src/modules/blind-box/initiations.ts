import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { toMinor } from "@fission/core/utils"
import { addDailySpend, subtractDailySpend, Trx } from "./opens"

/** The template terms a campaign copies (what the shopper was shown is what applies). */
const COPIED = [
  "currency_code", "product_id", "variant_id", "prize_value", "boxes", "no_win_opens", "initiation_cash",
  "initiation_vouchers", "open_price", "initiator_share", "winner_vouchers", "consolation_vouchers",
  "referrer_reward_initiation", "leader_reward_initiation", "referrer_reward_open",
] as const
const MONEY = new Set(["prize_value", "initiation_cash", "initiation_vouchers", "open_price", "initiator_share", "winner_vouchers",
  "consolation_vouchers", "referrer_reward_initiation", "leader_reward_initiation", "referrer_reward_open"])

export type StartInitiationInput = {
  template_id: string
  initiator_id: string
  idempotency_key?: string | null
  client_seed?: string | null
  day: string
  daily_limit_minor: bigint | null
}

/**
 * Records an initiation (status `initiating`) with a copy of the template's terms, freezes the
 * template (SPEC §0.6: its terms cannot change once a campaign started) and counts the cash
 * part against the daily spend limit — one transaction. The template row is locked
 * (`FOR SHARE`), so an admin update of the terms either commits before (and this copies
 * the new terms) or waits and then sees `frozen_at`.
 */
export async function startInitiation(trx: Trx, input: StartInitiationInput): Promise<{ campaign: any; replayed: boolean }> {
  if (input.idempotency_key) {
    const { rows } = await trx.raw(
      `SELECT * FROM blind_box_campaign WHERE initiator_id = ? AND idempotency_key = ? AND deleted_at IS NULL`,
      [input.initiator_id, input.idempotency_key]
    )
    if (rows[0]) {
      if (rows[0].template_id !== input.template_id) {
        throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `idempotency_key ${input.idempotency_key} was already used for another template`)
      }
      if (rows[0].status === "failed") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `the initiation with idempotency_key ${input.idempotency_key} failed (${rows[0].failure_reason ?? "not paid"}); nothing was charged, use a new key`
        )
      }
      return { campaign: rows[0], replayed: true }
    }
  }
  const { rows: templates } = await trx.raw(
    `SELECT * FROM blind_box_template WHERE id = ? AND deleted_at IS NULL FOR SHARE`,
    [input.template_id]
  )
  const t = templates[0]
  if (!t) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Blind-box template with id: ${input.template_id} was not found`)
  if (t.status !== "active") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `blind-box template ${t.id} is ${t.status}, not active`)

  const cash = toMinor(t.initiation_cash)
  if (cash > 0n && !(await addDailySpend(trx, input.initiator_id, input.day, cash, input.daily_limit_minor))) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `the daily blind-box spend limit would be exceeded by this initiation of ${t.initiation_cash}; nothing was charged`)
  }
  await trx.raw(`UPDATE blind_box_template SET frozen_at = COALESCE(frozen_at, now()) WHERE id = ? AND frozen_at IS NULL`, [t.id])

  const id = generateEntityId(undefined, "bbx")
  const cols = ["id", "template_id", "initiator_id", "idempotency_key", "client_seed", "status"]
  const vals: unknown[] = [id, t.id, input.initiator_id, input.idempotency_key ?? null, input.client_seed ?? null, "initiating"]
  const placeholders = cols.map(() => "?")
  for (const f of COPIED) {
    cols.push(f)
    vals.push(t[f])
    placeholders.push("?")
    if (MONEY.has(f)) {
      cols.push(`raw_${f}`)
      vals.push(t[`raw_${f}`] === null || t[`raw_${f}`] === undefined ? null : JSON.stringify(t[`raw_${f}`]))
      placeholders.push("?::jsonb")
    }
  }
  const { rows } = await trx.raw(
    `INSERT INTO blind_box_campaign (${cols.map((c) => `"${c}"`).join(", ")}, created_at, updated_at)
     VALUES (${placeholders.join(", ")}, now(), now()) RETURNING *`,
    vals
  )
  return { campaign: rows[0], replayed: false }
}

/** The initiation is paid and its draw committed: the campaign opens with its sealed prize position. */
export async function activateCampaign(
  trx: Trx,
  input: { campaign_id: string; draw_id: string; commitment: string; prize_position: number; initiation_payment_id: string | null }
) {
  const { rows } = await trx.raw(
    `UPDATE blind_box_campaign
        SET status = 'open', draw_id = ?, commitment = ?, prize_position = ?, initiation_payment_id = ?, updated_at = now()
      WHERE id = ? AND status = 'initiating' RETURNING *`,
    [input.draw_id, input.commitment, input.prize_position, input.initiation_payment_id, input.campaign_id]
  )
  if (rows[0]) return rows[0]
  const { rows: now } = await trx.raw(`SELECT * FROM blind_box_campaign WHERE id = ?`, [input.campaign_id])
  if (now[0]?.status === "open" || now[0]?.status === "won") return now[0]
  throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `blind box ${input.campaign_id} is ${now[0]?.status ?? "missing"}, it cannot open`)
}

/** Compensation of a failed initiation: the campaign is `failed` and its cash goes back off the day's spend. */
export async function failInitiation(trx: Trx, campaign_id: string, reason: string) {
  const { rows } = await trx.raw(
    `UPDATE blind_box_campaign SET status = 'failed', failure_reason = ?, updated_at = now()
      WHERE id = ? AND status = 'initiating' RETURNING *`,
    [reason.slice(0, 500), campaign_id]
  )
  const c = rows[0]
  if (c && toMinor(c.initiation_cash) > 0n) {
    await subtractDailySpend(trx, c.initiator_id, c.created_at.toISOString().slice(0, 10), toMinor(c.initiation_cash))
  }
  return !!c
}

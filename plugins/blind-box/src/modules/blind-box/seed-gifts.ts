import { generateEntityId } from "@medusajs/framework/utils"
import { Trx } from "./opens"

/**
 * Takes one of a template's seed-gift slots for a customer (SPEC §7.1: the first 1,000
 * registered customers). The template's counter moves by a conditional update
 * (`seed_gifts_given < seed_gift_limit`), and the gift row is unique per (template, customer)
 * and per (template, slot), in one transaction: however many registrations race, exactly
 * `limit` slots are taken and nobody gets two. Returns the gift, or null when none is left.
 */
export async function takeSeedGift(trx: Trx, template_id: string, customer_id: string) {
  const existing = await trx.raw(
    `SELECT * FROM blind_box_seed_gift WHERE template_id = ? AND customer_id = ? AND deleted_at IS NULL`,
    [template_id, customer_id]
  )
  if (existing.rows[0]) return { gift: existing.rows[0], created: false }
  const { rows } = await trx.raw(
    `UPDATE blind_box_template SET seed_gifts_given = seed_gifts_given + 1, updated_at = now()
      WHERE id = ? AND status = 'active' AND deleted_at IS NULL AND seed_gifts_given < seed_gift_limit
      RETURNING seed_gifts_given, seed_gift_vouchers, raw_seed_gift_vouchers`,
    [template_id]
  )
  if (!rows[0]) return { gift: null, created: false }
  const { rows: gifts } = await trx.raw(
    `INSERT INTO blind_box_seed_gift (id, template_id, customer_id, slot, amount, raw_amount, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?::jsonb, now(), now()) RETURNING *`,
    [generateEntityId(undefined, "bbsg"), template_id, customer_id, rows[0].seed_gifts_given, rows[0].seed_gift_vouchers,
     JSON.stringify(rows[0].raw_seed_gift_vouchers)]
  )
  return { gift: gifts[0], created: true }
}

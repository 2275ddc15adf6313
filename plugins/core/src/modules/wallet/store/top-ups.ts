import { generateEntityId } from "@medusajs/framework/utils"
import { WalletTopUpRow } from "../types"
import { decimals, rawNumber, Trx } from "./rows"

const TABLE = "fission_wallet_top_up"
const row = (r: any) => decimals<WalletTopUpRow>(r, ["amount"])

export type NewTopUp = { line_item_id: string; order_id: string; customer_id: string; currency_code: string; amount: string }

/** Records each paid top-up line once (unique line id) and returns every line's record. */
export async function recordTopUps(trx: Trx, lines: NewTopUp[]): Promise<WalletTopUpRow[]> {
  if (!lines.length) return []
  await trx.raw(
    `INSERT INTO ${TABLE} (id, line_item_id, order_id, customer_id, currency_code, amount, raw_amount)
     VALUES ${lines.map(() => "(?, ?, ?, ?, ?, ?::numeric, ?::jsonb)").join(", ")}
     ON CONFLICT (line_item_id) WHERE deleted_at IS NULL DO NOTHING`,
    lines.flatMap((l) => [generateEntityId(undefined, "fwtop"), l.line_item_id, l.order_id, l.customer_id, l.currency_code, l.amount, rawNumber(l.amount)])
  )
  const { rows } = await trx.raw(`SELECT * FROM ${TABLE} WHERE line_item_id = ANY(?) AND deleted_at IS NULL`, [
    lines.map((l) => l.line_item_id),
  ])
  return rows.map(row)
}

export async function markTopUpCredited(trx: Trx, id: string, transactionId: string) {
  const { rows } = await trx.raw(
    `UPDATE ${TABLE} SET status = 'credited', transaction_id = ?, credited_at = COALESCE(credited_at, now()), updated_at = now()
      WHERE id = ? RETURNING *`,
    [transactionId, id]
  )
  return rows[0] ? row(rows[0]) : null
}

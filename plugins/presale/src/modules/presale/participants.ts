import { generateEntityId } from "@medusajs/framework/utils"

export type Trx = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

export type JoinInput = {
  campaign_id: string
  customer_id: string
  order_id: string
  line_item_id?: string | null
  client_seed?: string | null
  /** what the buyer paid for the pre-sale line, decimal text in the major unit */
  paid: string
}

export type JoinResult =
  | { joined: true; replayed: boolean; participant: Record<string, any>; count: number }
  | { joined: false; replayed: false; participant: null; count: number; reason: string }

export async function participantOfOrder(trx: Trx, orderId: string) {
  const { rows } = await trx.raw(`SELECT * FROM presale_participant WHERE order_id = ? AND deleted_at IS NULL`, [orderId])
  return rows[0] ?? null
}

/**
 * Decides a participant number in Postgres (SPEC §5.2, "decided when the payment is captured").
 * The conditional update on the campaign row takes its row lock: concurrent captures are
 * serialized there, each gets the next number, and the commit order is the number order — so
 * when participant n exists, 1..n−1 exist too (the free-order draw of a threshold relies on
 * it). A campaign that is no longer active, or sold out (`max_participants`), admits nobody:
 * the caller refunds that order in full. A duplicated event finds the order's participant
 * (unique order id); two concurrent deliveries of one order: the second insert fails on the
 * unique index, its transaction (and its increment) rolls back, and the service returns the
 * first participant.
 */
export async function joinCampaign(trx: Trx, input: JoinInput): Promise<JoinResult> {
  const existing = await participantOfOrder(trx, input.order_id)
  if (existing) return { joined: true, replayed: true, participant: existing, count: existing.number }

  const { rows } = await trx.raw(
    `UPDATE presale_campaign
        SET participants_count = participants_count + 1, updated_at = now()
      WHERE id = ? AND status = 'active' AND deleted_at IS NULL
        AND (max_participants IS NULL OR participants_count < max_participants)
      RETURNING participants_count`,
    [input.campaign_id]
  )
  if (!rows.length) {
    const { rows: c } = await trx.raw(`SELECT status, participants_count, max_participants FROM presale_campaign WHERE id = ?`, [input.campaign_id])
    const reason = !c[0] ? "unknown campaign" : c[0].status !== "active" ? `campaign ${c[0].status}` : "sold out"
    return { joined: false, replayed: false, participant: null, count: Number(c[0]?.participants_count ?? 0), reason }
  }
  const number = Number(rows[0].participants_count)
  const { rows: inserted } = await trx.raw(
    `INSERT INTO presale_participant
       (id, campaign_id, customer_id, order_id, line_item_id, number, client_seed, paid, raw_paid, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?::numeric, jsonb_build_object('value', ?::text, 'precision', 20), now(), now())
     RETURNING *`,
    [
      generateEntityId(undefined, "psp"),
      input.campaign_id,
      input.customer_id,
      input.order_id,
      input.line_item_id ?? null,
      number,
      input.client_seed ?? null,
      input.paid,
      input.paid,
    ]
  )
  return { joined: true, replayed: false, participant: inserted[0], count: number }
}

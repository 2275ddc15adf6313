import { generateEntityId } from "@medusajs/framework/utils"

type Trx = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

export type TakeSeatInput = {
  campaign_id: string
  /** The group the buyer chose (cart line metadata); null = any open listed group of the campaign. */
  group_id?: string | null
  customer_id: string
  order_id: string
  line_item_id?: string | null
  client_seed?: string | null
  /** The campaign's own group rules, for buyers who chose no group. */
  size: number
  winners: number
  duration_hours: number
}

export type TakeSeatResult = {
  member: Record<string, any>
  group: Record<string, any>
  /** This seat was the last one: the group is full and must be drawn. */
  became_full: boolean
  /** A new group was created for this seat (it needs its draw committed). */
  created_group: boolean
  /** The seat was already taken by this order earlier (event replay). */
  replayed: boolean
}

/**
 * The conditional update that decides a seat in Postgres: only one transaction can
 * move `seats_taken` from size − 1 to size, and the row lock makes every earlier
 * seat's transaction commit first (so when a group is full all its members exist).
 */
async function claim(trx: Trx, groupId: string) {
  const { rows } = await trx.raw(
    `UPDATE group_draw_group
        SET seats_taken = seats_taken + 1,
            status = CASE WHEN seats_taken + 1 >= size THEN 'full' ELSE status END,
            updated_at = now()
      WHERE id = ? AND seats_taken < size AND status = 'open' AND expires_at > now() AND deleted_at IS NULL
      RETURNING *`,
    [groupId]
  )
  return rows[0] ?? null
}

/**
 * The rules of the group an overflow buyer is moved to: those of the group they chose
 * (a shopper-defined group's N, K and duration), else the campaign's. Overflow groups are
 * listed (`open`) even when the chosen group was private, so strangers can fill them.
 */
async function overflowShape(trx: Trx, input: TakeSeatInput) {
  if (input.group_id) {
    const { rows } = await trx.raw(
      `SELECT size, winners, duration_hours, shopper_defined FROM group_draw_group WHERE id = ? AND campaign_id = ?`,
      [input.group_id, input.campaign_id]
    )
    if (rows[0]) return rows[0] as { size: number; winners: number; duration_hours: number; shopper_defined: boolean }
  }
  return { size: input.size, winners: input.winners, duration_hours: input.duration_hours, shopper_defined: false }
}

export async function existingSeat(trx: Trx, orderId: string) {
  const { rows } = await trx.raw(`SELECT * FROM group_draw_member WHERE order_id = ? AND deleted_at IS NULL`, [orderId])
  return rows[0] ?? null
}

/**
 * Seats a paid order: in the chosen group if it still has room, otherwise (race for the
 * last seat, expired group, no choice) in the oldest open group of the campaign with
 * room, otherwise in a new group — a paid buyer is never left without a seat. The
 * fallback path holds a per-campaign advisory lock so concurrent overflow buyers fill
 * one new group instead of each opening their own.
 */
export async function takeSeat(trx: Trx, input: TakeSeatInput): Promise<TakeSeatResult> {
  const existing = await existingSeat(trx, input.order_id)
  if (existing) {
    const { rows } = await trx.raw(`SELECT * FROM group_draw_group WHERE id = ?`, [existing.group_id])
    return { member: existing, group: rows[0], became_full: false, created_group: false, replayed: true }
  }

  let group = input.group_id ? await claim(trx, input.group_id) : null
  let created = false
  if (!group) {
    // the buyer paid for a draw of this shape (K of N): the overflow seat keeps it
    const shape = await overflowShape(trx, input)
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`group_draw:${input.campaign_id}`])
    const { rows: candidates } = await trx.raw(
      `SELECT id FROM group_draw_group
        WHERE campaign_id = ? AND status = 'open' AND visibility = 'open' AND size = ? AND winners = ?
          AND seats_taken < size AND expires_at > now() AND deleted_at IS NULL
        ORDER BY created_at, id LIMIT 20`,
      [input.campaign_id, shape.size, shape.winners]
    )
    for (const candidate of candidates) {
      group = await claim(trx, candidate.id)
      if (group) break
    }
    if (!group) {
      const id = generateEntityId(undefined, "gdg")
      const full = shape.size <= 1
      const { rows } = await trx.raw(
        `INSERT INTO group_draw_group
           (id, campaign_id, status, seats_taken, size, winners, duration_hours, visibility, shopper_defined, expires_at,
            created_at, updated_at)
         VALUES (?, ?, ?, 1, ?, ?, ?, 'open', ?, now() + make_interval(hours => ?), now(), now())
         RETURNING *`,
        [id, input.campaign_id, full ? "full" : "open", shape.size, shape.winners, shape.duration_hours, shape.shopper_defined, shape.duration_hours]
      )
      group = rows[0]
      created = true
    }
  }

  const { rows } = await trx.raw(
    `INSERT INTO group_draw_member
       (id, group_id, campaign_id, customer_id, order_id, line_item_id, client_seed, seat, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'paid', now(), now())
     RETURNING *`,
    [
      generateEntityId(undefined, "gdm"),
      group.id,
      input.campaign_id,
      input.customer_id,
      input.order_id,
      input.line_item_id ?? null,
      input.client_seed ?? null,
      group.seats_taken,
    ]
  )
  return {
    member: rows[0],
    group,
    became_full: group.status === "full",
    created_group: created,
    replayed: false,
  }
}

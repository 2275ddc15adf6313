import type { Trx } from "./participants"

export type RefundPassInput = {
  campaign_id: string
  /** every non-winner's net price now (the tier price), decimal text; ignored when `full` */
  net_price: string
  /** refund everything paid (minimum not reached, canceled) */
  full: boolean
  kind: "step" | "close" | "full"
  mode: "partial" | "cancel"
  destination: "original_payment" | "store_credit"
  /** restrict the pass to these participants (a new joiner while the tier is unchanged) */
  participant_ids?: string[] | null
}

/**
 * One refund pass of a campaign (SPEC §5.2), set-based and serialized per campaign by a
 * transaction-scoped advisory lock: for every participant whose refunds owed
 * (paid − net, net 0 for a free-order winner or a full refund) exceed what was already
 * requested, raise `refund_requested` to it and write one presale_refund row for the
 * difference, in the same statement. The cause key carries the cumulative target
 * (`presale:<campaign>:<participant>:to:<minor units>`, or `:full`), so each row is one
 * refund request whatever happens later, and the sum of a participant's rows is exactly
 * what they were owed at the last pass. Returns the new rows.
 */
export async function refundPass(trx: Trx, input: RefundPassInput) {
  await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`fission:presale:refunds:${input.campaign_id}`])
  const only = input.participant_ids?.length ? `AND p.id = ANY(?)` : ""
  const select: unknown[] = [input.full, input.net_price, input.campaign_id, ...(only ? [input.participant_ids] : [])]
  const { rows } = await trx.raw(
    `WITH t AS (
       SELECT p.id, p.order_id, p.refund_requested AS before, p.won_round,
              GREATEST(0::numeric, p.paid - CASE WHEN ?::boolean OR p.won_round IS NOT NULL THEN 0::numeric ELSE ?::numeric END) AS target
         FROM presale_participant p
        WHERE p.campaign_id = ? AND p.deleted_at IS NULL ${only}
        ORDER BY p.id
          FOR UPDATE OF p
     ), d AS (
       SELECT * FROM t WHERE target > before OR ?::boolean
     ), u AS (
       UPDATE presale_participant p
          SET refund_requested = d.target,
              raw_refund_requested = jsonb_build_object('value', d.target::text, 'precision', 20),
              updated_at = now()
         FROM d WHERE p.id = d.id
       RETURNING p.id
     )
     INSERT INTO presale_refund
       (id, campaign_id, participant_id, order_id, cause_key, kind, mode, destination, amount, raw_amount, status, created_at, updated_at)
     SELECT 'psr_' || upper(replace(gen_random_uuid()::text, '-', '')), ?, d.id, d.order_id,
            CASE WHEN ?::text = 'full' THEN 'presale:' || ? || ':' || d.id || ':full'
                 ELSE 'presale:' || ? || ':' || d.id || ':to:' || (d.target * 100)::bigint END,
            CASE WHEN ?::text = 'full' THEN 'full' WHEN d.won_round IS NOT NULL THEN 'free' ELSE ?::text END,
            CASE WHEN ?::text = 'full' THEN ?::text ELSE 'partial' END,
            ?,
            d.target - d.before,
            jsonb_build_object('value', (d.target - d.before)::text, 'precision', 20),
            'pending', now(), now()
       FROM d JOIN u ON u.id = d.id
     RETURNING *`,
    [
      ...select,
      // a full refund by cancel cancels every order, also of a winner already refunded in full
      input.full && input.mode === "cancel",
      input.campaign_id,
      input.kind,
      input.campaign_id,
      input.campaign_id,
      input.kind,
      input.kind,
      input.kind,
      input.mode,
      input.destination,
    ]
  )
  return rows
}

/** A paid order that could not join (campaign ended, canceled, sold out): one full refund row. */
export async function lateRefund(
  trx: Trx,
  input: { campaign_id: string; order_id: string; amount: string; mode: "partial" | "cancel"; destination: "original_payment" | "store_credit" }
) {
  const { rows } = await trx.raw(
    `INSERT INTO presale_refund
       (id, campaign_id, participant_id, order_id, cause_key, kind, mode, destination, amount, raw_amount, status, created_at, updated_at)
     VALUES ('psr_' || upper(replace(gen_random_uuid()::text, '-', '')), ?, NULL, ?, ?, 'late', ?, ?, ?::numeric,
             jsonb_build_object('value', ?::text, 'precision', 20), 'pending', now(), now())
     ON CONFLICT (cause_key) WHERE deleted_at IS NULL DO NOTHING
     RETURNING *`,
    [input.campaign_id, input.order_id, `presale:${input.campaign_id}:late:${input.order_id}`, input.mode, input.destination, input.amount, input.amount]
  )
  return rows
}

import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import * as models from "./models"
import { insertRounds, recordRound, roundEntrants } from "./draws"
import { JoinInput, JoinResult, joinCampaign, participantOfOrder } from "./participants"
import { lateRefund, refundPass, RefundPassInput } from "./refunds"

const knexOf = (sharedContext: Context): any => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/**
 * Pre-sale data: campaigns, participants (numbered at payment capture), the refunds the
 * engine decided (handed to @fission/core as refund requests) and the free-order rounds
 * (drawn with @fission/core's fair-draw chain). Every decision that must hold under
 * concurrency is one SQL statement or one transaction here (./participants, ./refunds, ./draws).
 */
export default class PresaleModuleService extends MedusaService({ ...models }) {
  /** Numbers a paid order (idempotent per order). */
  @InjectManager()
  async join(input: JoinInput, @MedusaContext() sharedContext: Context = {}): Promise<JoinResult> {
    try {
      return await this.join_(input, sharedContext)
    } catch (e: any) {
      // a concurrent delivery of the same order numbered it first (unique order_id)
      if (e?.code === "23505" || /unique|duplicate/i.test(String(e?.message))) {
        const participant = await participantOfOrder(knexOf(sharedContext), input.order_id)
        if (participant) return { joined: true, replayed: true, participant, count: participant.number }
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async join_(input: JoinInput, @MedusaContext() sharedContext: Context = {}) {
    return joinCampaign(knexOf(sharedContext), input)
  }

  /** One refund pass (see ./refunds): the new refund rows. */
  @InjectTransactionManager()
  async planRefunds(input: RefundPassInput, @MedusaContext() sharedContext: Context = {}) {
    return refundPass(knexOf(sharedContext), input)
  }

  @InjectTransactionManager()
  async planLateRefund(input: Parameters<typeof lateRefund>[1], @MedusaContext() sharedContext: Context = {}) {
    return lateRefund(knexOf(sharedContext), input)
  }

  /** Refund rows not yet handed to core (oldest first). */
  @InjectManager()
  async pendingRefunds(campaign_id: string, limit: number, @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT r.*, p.customer_id FROM presale_refund r LEFT JOIN presale_participant p ON p.id = r.participant_id
        WHERE r.campaign_id = ? AND r.status = 'pending' AND r.deleted_at IS NULL ORDER BY r.created_at, r.id LIMIT ?`,
      [campaign_id, limit]
    )
    return rows
  }

  @InjectTransactionManager()
  async markRequested(rows: { id: string; request_id: string }[], @MedusaContext() sharedContext: Context = {}) {
    if (!rows.length) return 0
    const { rows: updated } = await knexOf(sharedContext).raw(
      `UPDATE presale_refund r SET status = 'requested', request_id = v.request_id, updated_at = now()
         FROM (SELECT unnest(?::text[]) AS id, unnest(?::text[]) AS request_id) v
        WHERE r.id = v.id AND r.status = 'pending' RETURNING r.id`,
      [rows.map((r) => r.id), rows.map((r) => r.request_id)]
    )
    return updated.length
  }

  /**
   * Core reported a refund request's outcome: the row follows it and the participant's
   * `refunded` becomes the sum of its succeeded refunds, each counted up to the amount it
   * asked for: a full refund by order cancel reports everything the order has been refunded
   * (earlier step refunds and the shipping included), which would otherwise count twice.
   * Conditional, so redelivery is harmless.
   */
  @InjectTransactionManager()
  async recordRefundOutcome(
    input: { cause_key: string; request_id: string; succeeded: boolean; refunded_amount: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `UPDATE presale_refund SET status = ?, request_id = COALESCE(request_id, ?),
              refunded_amount = ?::numeric,
              raw_refunded_amount = CASE WHEN ?::numeric IS NULL THEN NULL ELSE jsonb_build_object('value', ?::text, 'precision', 20) END,
              updated_at = now()
        WHERE cause_key = ? AND status <> 'succeeded' AND deleted_at IS NULL RETURNING participant_id`,
      [
        input.succeeded ? "succeeded" : "failed",
        input.request_id,
        input.refunded_amount,
        input.refunded_amount,
        input.refunded_amount,
        input.cause_key,
      ]
    )
    const participant = rows[0]?.participant_id
    if (participant) {
      await knex.raw(
        `UPDATE presale_participant p SET refunded = s.total, raw_refunded = jsonb_build_object('value', s.total::text, 'precision', 20), updated_at = now()
           FROM (SELECT COALESCE(sum(LEAST(refunded_amount, amount)), 0) AS total FROM presale_refund
                  WHERE participant_id = ? AND status = 'succeeded' AND deleted_at IS NULL) s
          WHERE p.id = ?`,
        [participant, participant]
      )
    }
    return rows.length > 0
  }

  @InjectManager()
  async roundEntrants(campaign_id: string, round: number, threshold: number, @MedusaContext() sharedContext: Context = {}) {
    return roundEntrants(knexOf(sharedContext), campaign_id, round, threshold)
  }

  @InjectTransactionManager()
  async recordRound(input: Parameters<typeof recordRound>[1], @MedusaContext() sharedContext: Context = {}) {
    return recordRound(knexOf(sharedContext), input)
  }

  @InjectTransactionManager()
  async insertRounds(
    campaign_id: string,
    freeInterval: number,
    rounds: { round: number; draw_id: string }[],
    @MedusaContext() sharedContext: Context = {}
  ) {
    await insertRounds(knexOf(sharedContext), campaign_id, freeInterval, rounds)
  }

  /** Moves a campaign to `to` only from one of `from` (close/cancel race safely). */
  @InjectTransactionManager()
  async transitionCampaign(
    id: string,
    from: string[],
    to: string,
    reason: string | null,
    options: { below_min?: boolean } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const belowMin = options.below_min ? "AND min_participants IS NOT NULL AND participants_count < min_participants" : ""
    const { rows } = await knexOf(sharedContext).raw(
      `UPDATE presale_campaign SET status = ?, close_reason = COALESCE(?, close_reason),
              closed_at = CASE WHEN ? IN ('closed', 'failed', 'canceled') THEN COALESCE(closed_at, now()) ELSE closed_at END,
              updated_at = now()
        WHERE id = ? AND status = ANY(?) AND deleted_at IS NULL ${belowMin} RETURNING id`,
      [to, reason, to, id, from]
    )
    return rows.length === 1
  }

  /** Per-campaign totals for the admin (paid, requested, refunded, winners), one aggregate. */
  @InjectManager()
  async campaignTotals(campaign_id: string, @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT count(*)::int AS participants,
              COALESCE(sum(paid), 0)::text AS paid,
              COALESCE(sum(refund_requested), 0)::text AS refund_requested,
              COALESCE(sum(refunded), 0)::text AS refunded,
              count(*) FILTER (WHERE won_round IS NOT NULL)::int AS free_orders
         FROM presale_participant WHERE campaign_id = ? AND deleted_at IS NULL`,
      [campaign_id]
    )
    const { rows: r } = await knexOf(sharedContext).raw(
      `SELECT count(*) FILTER (WHERE status IN ('pending', 'requested'))::int AS open,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded
         FROM presale_refund WHERE campaign_id = ? AND deleted_at IS NULL`,
      [campaign_id]
    )
    return { ...rows[0], refunds: r[0] }
  }

  /**
   * Refund rows handed to core whose outcome the pre-sale has not recorded as final
   * (`requested`, or `failed` — an admin may still retry and succeed), after `after_id`
   * in id order: the sweep compares them with core's requests, in case the outcome event
   * was lost.
   */
  @InjectManager()
  async waitingRefunds(after_id: string, limit: number, @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT id, cause_key, request_id, status FROM presale_refund
        WHERE status IN ('requested', 'failed') AND request_id IS NOT NULL AND id > ? AND deleted_at IS NULL
        ORDER BY id LIMIT ?`,
      [after_id, limit]
    )
    return rows as { id: string; cause_key: string; request_id: string; status: "requested" | "failed" }[]
  }

  /** Active campaigns whose end passed (the close job). */
  @InjectManager()
  async dueCampaigns(as_of: Date, @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT id FROM presale_campaign WHERE status = 'active' AND ends_at <= ? AND deleted_at IS NULL ORDER BY ends_at LIMIT 100`,
      [as_of]
    )
    return rows.map((r: any) => r.id as string)
  }

  /** Campaigns with work possibly left (active, or ended with refunds not handed to core). */
  @InjectManager()
  async campaignsToSweep(@MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT c.id FROM presale_campaign c WHERE c.deleted_at IS NULL AND (c.status = 'active'
          OR EXISTS (SELECT 1 FROM presale_refund r WHERE r.campaign_id = c.id AND r.status = 'pending' AND r.deleted_at IS NULL))
        ORDER BY c.id LIMIT 200`
    )
    return rows.map((r: any) => r.id as string)
  }
}

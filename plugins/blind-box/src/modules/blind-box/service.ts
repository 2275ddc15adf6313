import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import * as models from "./models"
import { activateCampaign, failInitiation, startInitiation, StartInitiationInput } from "./initiations"
import { numberOpen, openByKey, releaseOpen, reserveOpen, ReserveOpenInput } from "./opens"
import { takeSeedGift } from "./seed-gifts"

const knexOf = (sharedContext: Context): any => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}
const isUnique = (e: any) => e?.code === "23505" || /unique|duplicate key/i.test(String(e?.message))

/**
 * Blind-box data: templates, campaigns, opens, age confirmations, daily spend, seed gifts.
 * Every decision that races is one transaction here (see ./opens, ./initiations,
 * ./seed-gifts); money lives in @fission/core (wallet payments, ledger), the prize draw in
 * core's fair-draw module.
 */
export default class BlindBoxModuleService extends MedusaService({ ...models }) {
  @InjectManager()
  async reserveOpen(input: ReserveOpenInput, @MedusaContext() sharedContext: Context = {}) {
    try {
      return await this.reserveOpen_(input, sharedContext)
    } catch (e) {
      // the same key raced itself: the first one made the open
      if (input.idempotency_key && isUnique(e)) {
        const open = await openByKey(knexOf(sharedContext), input.campaign_id, input.customer_id, input.idempotency_key)
        if (open) return { open, replayed: true }
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async reserveOpen_(input: ReserveOpenInput, @MedusaContext() sharedContext: Context = {}) {
    return reserveOpen(knexOf(sharedContext), input)
  }

  @InjectTransactionManager()
  async releaseOpen(open_id: string, reason: string, @MedusaContext() sharedContext: Context = {}) {
    return releaseOpen(knexOf(sharedContext), open_id, reason)
  }

  @InjectTransactionManager()
  async numberOpen(open_id: string, wallet_payment_id: string, @MedusaContext() sharedContext: Context = {}) {
    return numberOpen(knexOf(sharedContext), open_id, wallet_payment_id)
  }

  @InjectManager()
  async startInitiation(input: StartInitiationInput, @MedusaContext() sharedContext: Context = {}) {
    try {
      return await this.startInitiation_(input, sharedContext)
    } catch (e) {
      if (input.idempotency_key && isUnique(e)) {
        const [campaign] = await this.listBlindBoxCampaigns({ initiator_id: input.initiator_id, idempotency_key: input.idempotency_key })
        if (campaign) return { campaign, replayed: true }
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async startInitiation_(input: StartInitiationInput, @MedusaContext() sharedContext: Context = {}) {
    return startInitiation(knexOf(sharedContext), input)
  }

  @InjectTransactionManager()
  async activateCampaign(input: Parameters<typeof activateCampaign>[1], @MedusaContext() sharedContext: Context = {}) {
    return activateCampaign(knexOf(sharedContext), input)
  }

  @InjectTransactionManager()
  async failInitiation(campaign_id: string, reason: string, @MedusaContext() sharedContext: Context = {}) {
    return failInitiation(knexOf(sharedContext), campaign_id, reason)
  }

  @InjectManager()
  async takeSeedGift(template_id: string, customer_id: string, @MedusaContext() sharedContext: Context = {}) {
    try {
      return await this.takeSeedGift_(template_id, customer_id, sharedContext)
    } catch (e) {
      if (isUnique(e)) {
        const [gift] = await this.listBlindBoxSeedGifts({ template_id, customer_id })
        if (gift) return { gift, created: false }
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async takeSeedGift_(template_id: string, customer_id: string, @MedusaContext() sharedContext: Context = {}) {
    return takeSeedGift(knexOf(sharedContext), template_id, customer_id)
  }

  /** Sets a column once (`claimed_at`, `rewards_paid_at`, …): a conditional update, false if it was set. */
  @InjectTransactionManager()
  async markOnce(table: "blind_box_campaign" | "blind_box_open" | "blind_box_seed_gift", id: string, column: string, @MedusaContext() sharedContext: Context = {}) {
    if (!/^[a-z_]+$/.test(column)) throw new TypeError(`bad column ${column}`)
    const { rows } = await knexOf(sharedContext).raw(
      `UPDATE ${table} SET ${column} = now(), updated_at = now() WHERE id = ? AND ${column} IS NULL RETURNING id`,
      [id]
    )
    return rows.length === 1
  }

  /** The winner's one claim (SPEC §7.2): `none` → product | vouchers, by the winner only. */
  @InjectTransactionManager()
  async takeClaim(campaign_id: string, customer_id: string, choice: "product" | "vouchers", @MedusaContext() sharedContext: Context = {}) {
    const { rows } = await knexOf(sharedContext).raw(
      `UPDATE blind_box_campaign SET claim = ?, claimed_at = now(), updated_at = now()
        WHERE id = ? AND status = 'won' AND winner_id = ? AND claim = 'none' RETURNING *`,
      [choice, campaign_id, customer_id]
    )
    return rows[0] ?? null
  }

  /** Compensation of a claim whose order or vouchers could not be made. */
  @InjectTransactionManager()
  async undoClaim(campaign_id: string, choice: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(
      `UPDATE blind_box_campaign SET claim = 'none', claimed_at = NULL, updated_at = now() WHERE id = ? AND claim = ? AND claim_order_id IS NULL`,
      [campaign_id, choice]
    )
  }

  /** Revenue and payouts per template (admin summary): set-based over campaigns and opens. */
  @InjectManager()
  async summary(@MedusaContext() sharedContext: Context = {}) {
    const knex = knexOf(sharedContext)
    const { rows } = await knex.raw(
      `SELECT c.template_id,
              count(*) FILTER (WHERE c.status IN ('open', 'won'))::int AS campaigns,
              count(*) FILTER (WHERE c.status = 'won')::int AS won,
              COALESCE(sum(c.initiation_cash) FILTER (WHERE c.status IN ('open', 'won')), 0)::text AS initiation_cash,
              COALESCE(sum(c.initiation_vouchers) FILTER (WHERE c.status IN ('open', 'won')), 0)::text AS initiation_vouchers,
              COALESCE(sum(c.opens_count), 0)::int AS opens,
              COALESCE(sum(c.opens_count * c.open_price), 0)::text AS open_revenue,
              COALESCE(sum(c.opens_count * c.initiator_share), 0)::text AS initiator_shares,
              COALESCE(sum(GREATEST(c.opens_count - CASE WHEN c.status = 'won' THEN 1 ELSE 0 END, 0) * c.consolation_vouchers), 0)::text AS consolation_vouchers,
              count(*) FILTER (WHERE c.claim = 'product')::int AS claimed_products,
              count(*) FILTER (WHERE c.claim = 'vouchers')::int AS claimed_vouchers
         FROM blind_box_campaign c WHERE c.deleted_at IS NULL GROUP BY c.template_id`
    )
    const { rows: days } = await knex.raw(
      `SELECT to_char((created_at AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS day, count(*)::int AS opens,
              COALESCE(sum(amount), 0)::text AS revenue
         FROM blind_box_open WHERE status IN ('lost', 'won') AND deleted_at IS NULL AND created_at >= now() - interval '30 days'
        GROUP BY 1 ORDER BY 1`
    )
    return { templates: rows, days }
  }
}

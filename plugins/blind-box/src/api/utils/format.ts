import { economicsPreview, oddsOf } from "../../utils"

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))

/** A template as shoppers see it: the prize, its value, every price, the odds and the no-win window (SPEC §0.6). */
export function formatTemplate(t: Record<string, any>, extra: { admin?: boolean } = {}) {
  const base = {
    id: t.id,
    title: t.title,
    description: t.description ?? null,
    status: t.status,
    prize: { product_id: t.product_id, variant_id: t.variant_id, value: num(t.prize_value) },
    currency_code: t.currency_code,
    boxes: t.boxes,
    no_win_opens: t.no_win_opens,
    initiation: { cash: num(t.initiation_cash), vouchers: num(t.initiation_vouchers) },
    open_price: num(t.open_price),
    initiator_share: num(t.initiator_share),
    winner_vouchers: num(t.winner_vouchers),
    consolation_vouchers: num(t.consolation_vouchers),
    seed_gift: { vouchers: num(t.seed_gift_vouchers), limit: t.seed_gift_limit, given: t.seed_gifts_given },
    referral_rewards: {
      initiation_referrer: num(t.referrer_reward_initiation),
      initiation_leader: num(t.leader_reward_initiation),
      open_referrer: num(t.referrer_reward_open),
    },
    odds: oddsOf(t as any, 0, false),
    frozen: !!t.frozen_at,
    created_at: t.created_at,
  }
  if (!extra.admin) return base
  return { ...base, prize_cost: num(t.prize_cost), frozen_at: t.frozen_at ?? null, economics: economicsPreview(t as any), updated_at: t.updated_at }
}

const mask = (id: string | null | undefined) => (id ? `${id.slice(0, 8)}…${id.slice(-4)}` : null)

/**
 * A campaign's public state: terms, opens so far, odds of the next open, the commitment and
 * draw. The prize position is never shown before the win (it is what the commitment hides);
 * after the win the revealed draw proves it.
 */
export function formatCampaign(c: Record<string, any>, draw: unknown, options: { viewer?: string | null; admin?: boolean } = {}) {
  const won = c.status === "won"
  const mine = options.viewer && options.viewer === c.initiator_id
  return {
    id: c.id,
    template_id: c.template_id,
    status: c.status,
    initiator: options.admin || mine ? c.initiator_id : mask(c.initiator_id),
    prize: { product_id: c.product_id, variant_id: c.variant_id, value: num(c.prize_value) },
    currency_code: c.currency_code,
    boxes: c.boxes,
    no_win_opens: c.no_win_opens,
    initiation: { cash: num(c.initiation_cash), vouchers: num(c.initiation_vouchers) },
    open_price: num(c.open_price),
    initiator_share: num(c.initiator_share),
    winner_vouchers: num(c.winner_vouchers),
    consolation_vouchers: num(c.consolation_vouchers),
    opens_count: c.opens_count,
    odds: oddsOf(c as any, c.opens_count, won || c.status !== "open"),
    commitment: c.commitment ?? null,
    draw_id: c.draw_id ?? null,
    draw: draw ?? null,
    winning_open: won ? c.opens_count : null,
    prize_position: won || options.admin ? (c.prize_position ?? null) : null,
    winner: won ? (options.admin || options.viewer === c.winner_id ? c.winner_id : mask(c.winner_id)) : null,
    won_by_me: won && !!options.viewer && options.viewer === c.winner_id,
    claim: c.claim,
    claim_order_id: options.admin || (options.viewer && options.viewer === c.winner_id) ? (c.claim_order_id ?? null) : null,
    created_at: c.created_at,
    won_at: c.won_at ?? null,
    ...(options.admin ? { opens_reserved: c.opens_reserved, failure_reason: c.failure_reason ?? null, rewards_paid_at: c.rewards_paid_at ?? null } : {}),
  }
}

export function formatOpen(o: Record<string, any>) {
  return {
    id: o.id,
    campaign_id: o.campaign_id,
    number: o.number ?? null,
    status: o.status,
    won: o.status === "won",
    amount: num(o.amount),
    wallet_payment_id: o.wallet_payment_id ?? null,
    settled: !!o.settled_at,
    created_at: o.created_at,
  }
}

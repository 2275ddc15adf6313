import { fromMinor, maskId, toMinor } from "../../utils"
import { digestOf, PublicDraw } from "../../workflows/group-draw/fair-draw"

/** Amounts as decimal numbers in the major unit (SPEC §0.7), computed exactly first. */
const money = (v: unknown) => (v === null || v === undefined ? null : Number(fromMinor(toMinor(v))))

export function formatCampaign(c: any) {
  return {
    id: c.id,
    title: c.title,
    description: c.description ?? null,
    product_id: c.product_id,
    variant_id: c.variant_id,
    price: money(c.price),
    currency_code: c.currency_code,
    group_size: c.group_size,
    winners: c.winners,
    duration_hours: c.duration_hours,
    loser_reward: money(c.loser_reward),
    red_envelope_amount: money(c.red_envelope_amount),
    red_envelope_split: c.red_envelope_split,
    winner_shopping_fund_ratio: Number(c.winner_shopping_fund_ratio ?? 0),
    visibility: c.visibility,
    max_groups_per_customer_per_day: c.max_groups_per_customer_per_day ?? null,
    allow_early_draw: !!c.allow_early_draw,
    allow_shopper_groups: !!c.allow_shopper_groups,
    shopper_group_size_min: c.shopper_group_size_min ?? null,
    shopper_group_size_max: c.shopper_group_size_max ?? null,
    shopper_winners_min: c.shopper_winners_min ?? null,
    shopper_winners_max: c.shopper_winners_max ?? null,
    shopper_duration_hours_max: c.shopper_duration_hours_max ?? null,
    allow_private_groups: !!c.allow_private_groups,
    status: c.status,
    starts_at: c.starts_at ?? null,
    ends_at: c.ends_at ?? null,
    created_at: c.created_at,
  }
}

export function formatGroup(g: any, draws: Map<string, PublicDraw> = new Map()) {
  const draw = g.draw_id ? draws.get(g.draw_id) : undefined
  const envelope = g.envelope_draw_id ? draws.get(g.envelope_draw_id) : undefined
  return {
    id: g.id,
    campaign_id: g.campaign_id,
    status: g.status,
    size: g.size,
    winners: g.winners,
    seats_taken: g.seats_taken,
    seats_left: Math.max(0, g.size - g.seats_taken),
    duration_hours: g.duration_hours,
    visibility: g.visibility,
    shopper_defined: !!g.shopper_defined,
    expires_at: g.expires_at,
    drawn_at: g.drawn_at ?? null,
    completed_at: g.completed_at ?? null,
    draw_id: g.draw_id ?? null,
    commitment: draw?.commitment ?? null,
    // sha256 of every public input of the winners draw, fixed when it ran (SPEC §0.5):
    // members keep it to check the public record (`fission-verify … --digest`).
    draw_digest: digestOf(draw),
    draw: draw ?? null,
    envelope_draw_id: g.envelope_draw_id ?? null,
    envelope_draw_digest: digestOf(envelope),
    envelope_draw: envelope ?? null,
    created_at: g.created_at,
  }
}

/** A member as other shoppers see it: masked customer, no order id. */
export function formatMember(m: any, viewerId?: string | null) {
  return {
    id: m.id,
    seat: m.seat,
    customer: maskId(m.customer_id),
    is_me: !!viewerId && m.customer_id === viewerId,
    status: m.status,
    envelope_share: money(m.envelope_share),
    joined_at: m.created_at,
  }
}

/**
 * A member as the admin sees it: customer, order, result. Refund attempts and errors are on
 * the loser's @fission/core refund request (`GET /admin/fission/refund-requests?order_id=`).
 */
export function formatAdminMember(m: any) {
  return {
    id: m.id,
    seat: m.seat,
    customer_id: m.customer_id,
    order_id: m.order_id,
    status: m.status,
    envelope_share: money(m.envelope_share),
    client_seed: m.client_seed ?? null,
    joined_at: m.created_at,
  }
}

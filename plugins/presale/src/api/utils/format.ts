import { fromMinor, toMinor } from "@fission/core/utils"
import {
  drawsEntered,
  freeRoundsAt,
  levelAt,
  nextFreeDrawAt,
  nextRebateThreshold,
  refundOwed,
  rulesOf,
  tierPriceAt,
} from "../../utils"

const num = (v: unknown) => (v == null ? null : Number(v))
const iso = (v: unknown) => (v ? new Date(v as any).toISOString() : null)

export const FAIRNESS_NOTE =
  "Every free-order round is drawn among all participants so far who have not won yet, so earlier participants are in more draws. " +
  "The draws were committed when the pre-sale started (chain_head); each round is verifiable with fission-verify as soon as it is drawn."

/** A campaign as the Store and Admin APIs show it, with its live numbers. */
export function formatCampaign(c: any) {
  const rules = rulesOf(c)
  const count = Number(c.participants_count)
  return {
    id: c.id,
    title: c.title,
    description: c.description ?? null,
    product_id: c.product_id,
    variant_id: c.variant_id,
    currency_code: c.currency_code,
    status: c.status,
    base_price: num(c.base_price),
    step_amount: num(c.step_amount),
    step_interval: c.step_interval,
    max_steps: c.max_steps,
    free_interval: c.free_interval ?? null,
    min_participants: c.min_participants ?? null,
    max_participants: c.max_participants ?? null,
    starts_at: iso(c.starts_at),
    ends_at: iso(c.ends_at),
    shipping_date: iso(c.shipping_date),
    refund_destination: c.refund_destination,
    refund_timing: c.refund_timing,
    participants: count,
    level: levelAt(rules, count),
    current_price: Number(fromMinor(tierPriceAt(rules, count))),
    final_price_at_max_steps: Number(fromMinor(rules.base - rules.step * BigInt(rules.max_steps))),
    next_rebate_threshold: nextRebateThreshold(rules, count),
    next_free_draw_at: nextFreeDrawAt(c.free_interval, count, c.draw_rounds),
    free_orders_drawn: c.draws_done,
    free_draw_rounds: c.draw_rounds,
    chain_head: c.chain_head ?? null,
    fairness: FAIRNESS_NOTE,
    closed_at: iso(c.closed_at),
    close_reason: c.close_reason ?? null,
    created_at: iso(c.created_at),
  }
}

/** A participation with its refunds so far (for its owner or the admin). */
export function formatParticipant(c: any, p: any, refunds: any[] = []) {
  const rules = rulesOf(c)
  const count = Number(c.participants_count)
  const won = p.won_round != null
  const owed = ["failed", "canceled"].includes(c.status) ? toMinor(p.paid) : refundOwed(rules, count, toMinor(p.paid), won)
  return {
    id: p.id,
    number: p.number,
    customer_id: p.customer_id,
    order_id: p.order_id,
    paid: num(p.paid),
    net_price: Number(fromMinor(toMinor(p.paid) - owed)),
    refunds_owed: Number(fromMinor(owed)),
    refund_requested: num(p.refund_requested),
    refunded: num(p.refunded),
    free_order: won,
    won_round: p.won_round ?? null,
    draws_entered: drawsEntered(c.free_interval, p.number, Math.min(count, c.draws_done * (c.free_interval ?? 0))),
    refund_status:
      toMinor(p.refunded) >= owed ? (owed > 0n ? "refunded" : "none") : refunds.some((r) => r.status === "failed") ? "failed" : "pending",
    refunds: refunds.map(formatRefund),
    created_at: iso(p.created_at),
  }
}

export function formatRefund(r: any) {
  return {
    id: r.id,
    kind: r.kind,
    mode: r.mode,
    destination: r.destination,
    amount: num(r.amount),
    status: r.status,
    refunded_amount: num(r.refunded_amount),
    refund_request_id: r.request_id ?? null,
    cause_key: r.cause_key,
    created_at: iso(r.created_at),
  }
}

export function formatRound(d: any, draw: any | null) {
  return {
    round: d.round,
    threshold: d.threshold,
    draw_id: d.draw_id,
    status: d.drawn_at ? "drawn" : "committed",
    entrants: d.entrants ?? null,
    winner_participant_id: d.winner_participant_id ?? null,
    digest: d.digest ?? null,
    drawn_at: iso(d.drawn_at),
    verify: `npx fission-verify <store-url>/store/fission/draws/${d.draw_id} --key <publishable key>${d.digest ? ` --digest ${d.digest}` : ""}`,
    draw: draw ?? null,
  }
}

export { freeRoundsAt }

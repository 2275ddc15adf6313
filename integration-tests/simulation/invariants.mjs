// Every invariant the simulation checks once its operations are done, against the
// database and the APIs, each compared with the model (world.mjs + expectations.mjs).
// Returns the broken ones as messages (empty = all hold).
import { query } from "../../scripts/lib/database.mjs"
import { expectedOf, totalCents } from "./expectations.mjs"
import { major } from "./world.mjs"
import { medusaRefunds, until } from "./settle.mjs"

const toCents = (v) => BigInt(Math.round(Number(v) * 100))

/**
 * Net effect of each order's postings on each customer: { order_id: { "asset:customer": smallest units } }.
 * A reinstatement (core's ledger giving back a reversal beyond a target that went down) is the
 * ledger's own posting (`source_type` ledger.reinstatement, `source_id` the original); its order is
 * the cause it keeps in `metadata.cause_source_id`.
 */
async function orderNets(url, orderIds) {
  const rows = await query(
    url,
    `SELECT COALESCE(CASE WHEN p.source_type = 'ledger.reinstatement' THEN p.metadata->>'cause_source_id' END, p.source_id) AS order_id,
            p.asset, a.owner_id,
            SUM(CASE WHEN p.credit_account_id = a.id THEN p.amount ELSE -p.amount END)::text AS net
       FROM ledger_posting p
       JOIN ledger_account a ON a.id IN (p.credit_account_id, p.debit_account_id) AND a.owner_type = 'customer'
      WHERE (p.source_id = ANY($1) OR (p.source_type = 'ledger.reinstatement' AND p.metadata->>'cause_source_id' = ANY($1)))
        AND p.status <> 'voided' AND p.deleted_at IS NULL AND p.asset IN ('commission', 'points', 'growth')
      GROUP BY 1, 2, 3`,
    [orderIds]
  )
  const by = Object.fromEntries(orderIds.map((id) => [id, {}]))
  for (const r of rows) {
    const v = r.asset === "commission" ? toCents(r.net) : BigInt(Math.round(Number(r.net)))
    if (v !== 0n) by[r.order_id][`${r.asset}:${r.owner_id}`] = v
  }
  return by
}

/** The model's { "asset:customer": value } of an order (commission in cents). */
function expectedNets(o) {
  const e = expectedOf(o)
  const out = {}
  for (const [who, v] of Object.entries(e.commission)) if (v !== 0n) out[`commission:${who}`] = v
  if (e.points) out[`points:${o.buyer}`] = e.points
  if (e.growth) out[`growth:${o.buyer}`] = e.growth
  return out
}
const same = (a, b) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].every((k) => (a[k] ?? 0n) === (b[k] ?? 0n))
}
const show = (m) => JSON.stringify(Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)])))

/**
 * Waits for the campaign's groups to settle (every paid join seated, every full group
 * completed), then folds the draws' outcomes into the model: a loser's order is
 * canceled and refunded in full by the group-draw plugin (SPEC §4.3).
 */
export async function absorbGroupOutcomes(ctx) {
  const joins = ctx.world.orders.filter((o) => o.group)
  if (!joins.length) return []
  const problems = []
  let state = null
  const settled = await until(async () => {
    const members = await query(ctx.url, `SELECT order_id, group_id, status, seat FROM group_draw_member WHERE order_id = ANY($1) AND deleted_at IS NULL`, [joins.map((o) => o.id)])
    const groups = await query(ctx.url, `SELECT id, status, size, winners, seats_taken FROM group_draw_group WHERE campaign_id = $1 AND deleted_at IS NULL`, [ctx.campaign.id])
    state = { members, groups }
    return members.length === joins.length && groups.every((g) => g.seats_taken < g.size || g.status === "completed")
  }, ctx.settleMs * 2)
  const { members, groups } = state
  if (!settled) problems.push(`group draws did not settle within ${(ctx.settleMs * 2) / 1000} s: ${members.length}/${joins.length} joins seated; groups ${JSON.stringify(groups.map((g) => [g.status, g.seats_taken, g.size]))}`)
  const byOrder = new Map(members.map((m) => [m.order_id, m]))
  for (const o of joins) {
    const m = byOrder.get(o.id)
    if (!m) continue
    o.group.group_id = m.group_id
    o.group.status = m.status
    if (m.status === "refunded") {
      o.canceled = true
      o.refunded_cents = totalCents(o)
    }
  }
  // seats = paid members, never more than the group's size, seats numbered 1..n
  for (const g of groups) {
    const mine = members.filter((m) => m.group_id === g.id)
    const seats = mine.map((m) => m.seat).sort((a, b) => a - b)
    if (mine.length !== g.seats_taken) problems.push(`group ${g.id}: seats_taken ${g.seats_taken} ≠ ${mine.length} paid members`)
    if (g.seats_taken > g.size) problems.push(`group ${g.id}: ${g.seats_taken} seats of ${g.size}`)
    if (seats.some((s, i) => s !== i + 1)) problems.push(`group ${g.id}: seats ${seats.join(",")}`)
    if (g.status === "completed") {
      const won = mine.filter((m) => m.status === "won").length
      const refunded = mine.filter((m) => m.status === "refunded").length
      if (won !== g.winners || refunded !== g.size - g.winners) problems.push(`group ${g.id} completed with ${won} won / ${refunded} refunded (winners ${g.winners} of ${g.size})`)
    } else if (mine.some((m) => m.status !== "paid")) problems.push(`group ${g.id} (${g.status}) has members ${mine.map((m) => m.status).join(",")}`)
  }
  // a loser's money: Medusa's refunds of its payment equal what was captured, once
  const losers = joins.filter((o) => o.group.status === "refunded")
  if (losers.length) {
    const refunds = await query(
      ctx.url,
      `SELECT pc_o.order_id, COALESCE(SUM(r.amount), 0)::text AS refunded, COUNT(r.id)::int AS n
         FROM order_payment_collection pc_o
         JOIN payment p ON p.payment_collection_id = pc_o.payment_collection_id AND p.deleted_at IS NULL
         LEFT JOIN refund r ON r.payment_id = p.id AND r.deleted_at IS NULL
        WHERE pc_o.order_id = ANY($1) AND pc_o.deleted_at IS NULL GROUP BY 1`,
      [losers.map((o) => o.id)]
    )
    const r = new Map(refunds.map((x) => [x.order_id, x]))
    for (const o of losers) {
      const got = r.get(o.id)
      if (!got || toCents(got.refunded) !== totalCents(o) || got.n !== 1) problems.push(`loser ${o.id}: refunds ${got ? `${got.n} of ${got.refunded}` : "none"}, expected one of ${major(totalCents(o))}`)
    }
  }
  return problems
}

/**
 * Waits for the pre-sale to settle (every captured join numbered, every refund owed done),
 * then checks it against the rule of SPEC §5.2 at the final count n and folds what Medusa
 * refunded into the model: participants 1..n, one per captured pre-sale order; each paid
 * the order's price; refunded = paid − net (net 0 for a free order, else the tier price
 * at n) ≤ paid; floor(n / free_interval) free orders; Medusa's refunds of each order =
 * the participant's refunded.
 */
export async function absorbPresaleOutcomes(ctx) {
  const c = ctx.presale
  const joins = ctx.world.orders.filter((o) => o.presale)
  const problems = []
  let state = null
  const settled = await until(async () => {
    const parts = await query(
      ctx.url,
      `SELECT order_id, number, paid::text, refund_requested::text, refunded::text, won_round FROM presale_participant WHERE campaign_id = $1 AND deleted_at IS NULL ORDER BY number`,
      [c.id]
    )
    const [campaign] = await query(ctx.url, `SELECT participants_count, status FROM presale_campaign WHERE id = $1`, [c.id])
    const [open] = await query(ctx.url, `SELECT COUNT(*)::int AS n FROM fission_refund_request WHERE source_type = 'presale.campaign' AND source_id = $1 AND status <> 'succeeded' AND deleted_at IS NULL`, [c.id])
    const [outbox] = await query(ctx.url, `SELECT COUNT(*)::int AS n FROM presale_refund WHERE campaign_id = $1 AND status NOT IN ('succeeded') AND deleted_at IS NULL`, [c.id])
    state = { parts, campaign, open: open.n, outbox: outbox.n }
    const n = parts.length
    const level = BigInt(Math.min(c.maxSteps, Math.floor(n / c.stepInterval)))
    const tier = c.baseCents - c.stepCents * level
    const winners = parts.filter((p) => p.won_round !== null).length
    return (
      n === joins.length &&
      open.n === 0 &&
      outbox.n === 0 &&
      winners === Math.floor(n / c.freeInterval) &&
      parts.every((p) => toCents(p.refunded) === toCents(p.paid) - (p.won_round !== null ? 0n : tier))
    )
  }, ctx.settleMs * 2)
  const { parts, campaign } = state
  const n = parts.length
  if (!settled) problems.push(`pre-sale ${c.id} did not settle within ${(ctx.settleMs * 2) / 1000} s: ${n} participants of ${joins.length} captured joins, ${state.open} refund requests and ${state.outbox} pre-sale refunds not succeeded`)
  if (campaign.participants_count !== n) problems.push(`pre-sale: participants_count ${campaign.participants_count} ≠ ${n} participants`)
  if (parts.some((p, i) => p.number !== i + 1)) problems.push(`pre-sale: participant numbers ${parts.map((p) => p.number).join(",")} (expected 1..${n})`)
  const orders = new Set(parts.map((p) => p.order_id))
  if (orders.size !== n) problems.push(`pre-sale: ${n} participants for ${orders.size} orders`)
  for (const o of joins) if (!orders.has(o.id)) problems.push(`pre-sale: captured order ${o.id} is no participant`)
  const mine = new Set(joins.map((o) => o.id))
  for (const p of parts) if (!mine.has(p.order_id)) problems.push(`pre-sale: participant #${p.number} with order ${p.order_id} the simulation did not place`)
  const level = BigInt(Math.min(c.maxSteps, Math.floor(n / c.stepInterval)))
  const tier = c.baseCents - c.stepCents * level
  const winners = parts.filter((p) => p.won_round !== null)
  if (winners.length !== Math.floor(n / c.freeInterval)) problems.push(`pre-sale: ${winners.length} free orders among ${n} participants (one every ${c.freeInterval})`)
  if (new Set(winners.map((p) => p.won_round)).size !== winners.length) problems.push(`pre-sale: free-order rounds ${winners.map((p) => p.won_round).join(",")}`)
  const refunds = await medusaRefunds(ctx.url, joins.map((o) => o.id))
  const byOrder = new Map(parts.map((p) => [p.order_id, p]))
  for (const o of joins) {
    const p = byOrder.get(o.id)
    const medusa = refunds.get(o.id)?.cents ?? 0n
    o.refunded_cents = medusa
    if (!p) continue
    const paid = toCents(p.paid)
    const refunded = toCents(p.refunded)
    const net = p.won_round !== null ? 0n : tier
    if (paid !== o.lines[0].unit_cents) problems.push(`pre-sale #${p.number} (${o.id}): paid ${p.paid}, the order's price ${major(o.lines[0].unit_cents)}`)
    if (refunded > paid) problems.push(`pre-sale #${p.number} (${o.id}): refunded ${p.refunded} > paid ${p.paid}`)
    if (refunded !== paid - net) problems.push(`pre-sale #${p.number} (${o.id}): refunded ${p.refunded}, expected paid ${p.paid} − net ${major(net)} (tier at ${n} participants${p.won_round !== null ? ", free order" : ""})`)
    if (medusa !== refunded) problems.push(`pre-sale #${p.number} (${o.id}): Medusa refunded ${major(medusa)}, the participant ${p.refunded}`)
  }
  return problems
}

/**
 * Blind boxes (SPEC §7.2, §0.6): per box started here, opens numbered 1..n without gaps, none
 * left reserved, n ≤ the prize position, won exactly at it by one open (its opener the
 * winner), every numbered open one the simulation was answered 201 for; per shopper, the
 * wallet paid = starts + opens, the day's spend = the same ≤ the limit, never below zero,
 * vouchers = the model's, the initiator's share = share × opens of their boxes.
 */
export async function checkBlindBoxes(ctx) {
  const boxes = ctx.blindBoxes
  const problems = []
  if (boxes.length) {
    const ids = boxes.map((b) => b.id)
    let state = null
    await until(async () => {
      const campaigns = await query(ctx.url, `SELECT id, status, opens_count, opens_reserved, prize_position, winner_id, winning_open_id, initiator_id, claim FROM blind_box_campaign WHERE id = ANY($1)`, [ids])
      const opens = await query(ctx.url, `SELECT id, campaign_id, customer_id, number, status, settled_at FROM blind_box_open WHERE campaign_id = ANY($1) AND deleted_at IS NULL`, [ids])
      state = { campaigns, opens }
      return opens.every((o) => o.status !== "reserved" && (o.status === "released" || o.settled_at))
    }, ctx.settleMs)
    const { campaigns, opens } = state
    const answered = new Map(ctx.world.blindOpens.map((o) => [o.id, o]))
    for (const b of campaigns) {
      const numbered = opens.filter((o) => o.campaign_id === b.id && o.number !== null).sort((x, y) => x.number - y.number)
      const n = numbered.length
      if (numbered.some((o, i) => o.number !== i + 1) || n !== b.opens_count) problems.push(`blind box ${b.id}: opens_count ${b.opens_count}, numbers ${numbered.map((o) => o.number).join(",")}`)
      if (b.opens_reserved !== 0 || opens.some((o) => o.campaign_id === b.id && o.status === "reserved")) problems.push(`blind box ${b.id}: ${b.opens_reserved} opens still reserved`)
      if (n > b.prize_position) problems.push(`blind box ${b.id}: ${n} opens beyond the prize position ${b.prize_position}`)
      const won = numbered.filter((o) => o.status === "won")
      if (b.status === "won") {
        if (n !== b.prize_position || won.length !== 1 || won[0].number !== b.prize_position || won[0].customer_id !== b.winner_id || won[0].id !== b.winning_open_id)
          problems.push(`blind box ${b.id} won with ${n} opens, prize position ${b.prize_position}, won opens ${JSON.stringify(won.map((o) => [o.number, o.customer_id]))}, winner ${b.winner_id}`)
      } else if (b.status !== "open" || won.length || n >= b.prize_position) problems.push(`blind box ${b.id} ${b.status} with ${n} opens, ${won.length} won, prize position ${b.prize_position}`)
      if (numbered.some((o) => o.status !== "won" && o.status !== "lost")) problems.push(`blind box ${b.id}: numbered opens ${numbered.map((o) => o.status).join(",")}`)
      for (const o of numbered) {
        const a = answered.get(o.id)
        if (!a || a.number !== o.number || a.won !== (o.status === "won")) problems.push(`blind box ${b.id}: open #${o.number} (${o.status}) of ${o.customer_id} answered ${a ? `#${a.number}${a.won ? " won" : ""}` : "never"}`)
      }
      // the prize is claimed by the winner only, once, as the simulation claimed it
      const claimed = ctx.world.blindOpens.some((o) => o.box === b.id && o.won && o.claimed)
      if (b.claim !== (claimed ? "vouchers" : "none")) problems.push(`blind box ${b.id}: claim ${b.claim}, the winner claimed ${claimed ? "vouchers" : "nothing"}`)
      const box = boxes.find((x) => x.id === b.id)
      if (b.initiator_id !== box.initiator) problems.push(`blind box ${b.id}: initiator ${b.initiator_id}, started by ${box.initiator}`)
    }
    for (const a of ctx.world.blindOpens) if (!opens.some((o) => o.id === a.id && o.number === a.number)) problems.push(`blind box ${a.box}: open ${a.id} answered #${a.number} is not numbered so`)
  }
  const people = ctx.world.people.filter((p) => p.blind.age)
  if (!people.length) return problems
  const pids = people.map((p) => p.customer_id)
  const paid = await query(
    ctx.url,
    `SELECT customer_id, SUM(amount - refunded_amount)::text AS net FROM fission_wallet_payment
      WHERE customer_id = ANY($1) AND status = 'succeeded' AND deleted_at IS NULL GROUP BY 1`,
    [pids]
  )
  const spend = await query(ctx.url, `SELECT customer_id, SUM(spent_minor)::text AS spent FROM blind_box_daily_spend WHERE customer_id = ANY($1) AND deleted_at IS NULL GROUP BY 1`, [pids])
  const shares = await query(
    ctx.url,
    `SELECT p.metadata->>'store_credit_customer_id' AS customer_id, SUM(p.amount)::text AS total FROM ledger_posting p
      WHERE p.reason = 'blind_box.initiator_share' AND p.status = 'posted' AND p.deleted_at IS NULL AND p.metadata->>'store_credit_customer_id' = ANY($1) GROUP BY 1`,
    [pids]
  )
  for (const p of people) {
    const wallet = toCents(paid.find((r) => r.customer_id === p.customer_id)?.net ?? 0)
    if (wallet !== p.blind.paidCents) problems.push(`${p.email}: wallet payments ${major(wallet)}, model ${major(p.blind.paidCents)} (blind-box starts and opens)`)
    const spent = BigInt(Math.round(Number(spend.find((r) => r.customer_id === p.customer_id)?.spent ?? 0)))
    if (spent !== p.blind.spentCents) problems.push(`${p.email}: blind-box daily spend ${major(spent)}, model ${major(p.blind.spentCents)}`)
    if (spent > ctx.spendLimitCents) problems.push(`${p.email}: blind-box daily spend ${major(spent)} > the limit ${major(ctx.spendLimitCents)}`)
    const { wallet: w } = (await ctx.client.request("GET", "/store/fission/wallet", p.headers)).data
    const v = w.balances.find((x) => x.asset === "voucher") ?? { posted: 0, available: 0 }
    if (BigInt(Math.round(Number(v.posted))) !== p.blind.vouchers || v.available < 0) problems.push(`${p.email}: vouchers posted ${v.posted} (available ${v.available}), model ${p.blind.vouchers}`)
    const opensOfMine = ctx.blindBoxes.filter((b) => b.initiator === p.customer_id).reduce((s, b) => s + ctx.world.blindOpens.filter((o) => o.box === b.id).length, 0)
    const share = toCents(shares.find((r) => r.customer_id === p.customer_id)?.total ?? 0)
    if (share !== BigInt(opensOfMine) * ctx.blindTemplate.shareCents) problems.push(`${p.email}: initiator shares ${major(share)} for ${opensOfMine} opens of their boxes (${major(ctx.blindTemplate.shareCents)} each)`)
  }
  return problems
}

/** Every order's commissions, points and growth = the reversal rule applied to what was done to it. */
export async function checkOrders(ctx) {
  const orders = ctx.world.orders
  const ids = orders.map((o) => o.id)
  let by = null
  const ok = await until(async () => {
    by = await orderNets(ctx.url, ids)
    return orders.every((o) => same(by[o.id], expectedNets(o)))
  }, ctx.settleMs * 2, 500)
  if (ok) return []
  return orders
    .filter((o) => !same(by[o.id], expectedNets(o)))
    .slice(0, 20)
    .map((o) => `order ${o.id} (${ctx.historyOf(o)}): ledger ${show(by[o.id])} ≠ model ${show(expectedNets(o))}`)
}

/** Per shopper: points, spendable and pending commission, store credit. */
export async function checkShoppers(ctx) {
  const problems = []
  const people = ctx.world.people.filter((p) => p.orders.length || p.checkedIn || p.commissionAdjusted || p.spentPoints)
  const transfers = await query(
    ctx.url,
    `SELECT p.metadata->>'store_credit_customer_id' AS customer_id, p.reason,
            SUM(CASE WHEN p.credit_account_id = t.id THEN p.amount ELSE -p.amount END)::text AS total
       FROM ledger_posting p JOIN ledger_account t ON t.id IN (p.credit_account_id, p.debit_account_id) AND t.owner_type = 'platform' AND t.owner_id = 'store_credit'
      WHERE p.status = 'posted' AND p.deleted_at IS NULL AND p.metadata->>'store_credit_customer_id' = ANY($1) GROUP BY 1, 2`,
    [people.map((p) => p.customer_id)]
  )
  const checkIns = await query(
    ctx.url,
    `SELECT a.owner_id, COUNT(*)::int AS n FROM ledger_posting p JOIN ledger_account a ON a.id = p.credit_account_id
      WHERE p.reason = 'points.check_in' AND a.owner_id = ANY($1) AND p.deleted_at IS NULL GROUP BY 1`,
    [people.map((p) => p.customer_id)]
  )
  for (const p of people) {
    const { wallet } = (await ctx.client.request("GET", "/store/fission/wallet", p.headers)).data
    const b = (asset) => wallet.balances.find((x) => x.asset === asset && (asset !== "commission" || x.currency_code === "cny")) ?? { posted: 0, available: 0, pending_in: 0, pending_out: 0, debt: 0 }
    const points = b("points")
    const net = BigInt(Math.round(points.posted - points.debt))
    if (net !== ctx.world.pointsOf(p)) problems.push(`${p.email}: points posted − debt = ${net}, model ${ctx.world.pointsOf(p)}`)
    if (points.available < 0 || points.debt < 0) problems.push(`${p.email}: points available ${points.available}, debt ${points.debt}`)
    const c = b("commission")
    if (toCents(c.available) !== ctx.world.availableCommission(p)) problems.push(`${p.email}: commission available ${c.available}, model ${major(ctx.world.availableCommission(p))}`)
    if (toCents(c.pending_in) !== ctx.world.pendingCommission(p)) problems.push(`${p.email}: commission pending ${c.pending_in}, model ${major(ctx.world.pendingCommission(p))}`)
    if (c.available < 0) problems.push(`${p.email}: commission available ${c.available} < 0`)
    // store credit (loyalty plugin) = what the ledger transferred to it for this shopper
    const mine = transfers.filter((t) => t.customer_id === p.customer_id)
    const ledgerCredit = mine.reduce((s, t) => s + toCents(t.total), 0n)
    // less what the wallet paid outside carts (blind boxes: the model's, checked in checkBlindBoxes)
    const loyalty = wallet.store_credit.filter((a) => a.currency_code === "cny").reduce((s, a) => s + toCents(a.balance), 0n)
    if (loyalty !== ledgerCredit - p.blind.paidCents) problems.push(`${p.email}: loyalty store credit ${major(loyalty)} ≠ ledger transfers ${major(ledgerCredit)} − wallet payments ${major(p.blind.paidCents)} (${JSON.stringify(mine)})`)
    if (loyalty < 0n) problems.push(`${p.email}: loyalty store credit ${major(loyalty)} < 0`)
    const converted = toCents(mine.find((t) => t.reason === "commission.convert")?.total ?? 0)
    if (converted !== p.converted) problems.push(`${p.email}: ledger conversions ${major(converted)}, model ${major(p.converted)}`)
    const losses = p.orders.filter((o) => o.group?.status === "refunded").length
    const rewards = toCents(mine.find((t) => t.reason === "group_draw.loser_reward")?.total ?? 0)
    if (rewards !== BigInt(losses) * ctx.loserRewardCents) problems.push(`${p.email}: loser rewards ${major(rewards)} for ${losses} lost draws (${major(ctx.loserRewardCents)} each)`)
    const n = checkIns.find((r) => r.owner_id === p.customer_id)?.n ?? 0
    if (n !== (p.checkedIn ? 1 : 0)) problems.push(`${p.email}: ${n} check-in postings, checked in ${p.checkedIn}`)
  }
  return problems
}

/** Red envelopes: each completed group's shares sum exactly to the campaign's amount. */
export async function checkEnvelopes(ctx) {
  if (!ctx.envelopeCents) return []
  const rows = await query(
    ctx.url,
    `SELECT g.id, COALESCE(SUM(m.envelope_share), 0)::text AS shares, COUNT(m.envelope_share)::int AS n, g.size
       FROM group_draw_group g JOIN group_draw_member m ON m.group_id = g.id AND m.deleted_at IS NULL
      WHERE g.campaign_id = $1 AND g.status = 'completed' AND g.deleted_at IS NULL GROUP BY g.id, g.size`,
    [ctx.campaign.id]
  )
  return rows.filter((r) => toCents(r.shares) !== ctx.envelopeCents || r.n !== r.size).map((r) => `group ${r.id}: ${r.n} envelope shares summing to ${r.shares}`)
}

/** Points-mall items: redeemed count = successful redemptions, stock = initial − redeemed. */
export async function checkMall(ctx) {
  const problems = []
  for (const item of ctx.mallItems) {
    const { item: now } = (await ctx.client.request("GET", `/admin/fission/points-mall/items/${item.id}`, ctx.store.adminHeaders)).data
    const ok = ctx.world.redemptions.filter((r) => r.item === item.id && r.ok).length
    const soldOut = ctx.world.redemptions.some((r) => r.item === item.id && r.code === "out_of_stock")
    if (now.redeemed_count !== ok || now.stock !== item.stock - ok) problems.push(`${item.title}: stock ${now.stock}, redeemed ${now.redeemed_count}; ${ok} redemptions succeeded of stock ${item.stock}`)
    if (soldOut && ok !== item.stock) problems.push(`${item.title}: out_of_stock answered with ${ok} of ${item.stock} redeemed`)
  }
  return problems
}

/** The ledger's own reconciliation, and the counters recomputed here from the postings. */
export async function checkLedger(ctx) {
  const problems = []
  const { reconciliation } = (await ctx.client.request("GET", "/admin/fission/ledger/reconciliation", ctx.store.adminHeaders)).data
  if (!reconciliation?.ok) problems.push(`ledger reconciliation: ${JSON.stringify(reconciliation).slice(0, 600)}`)
  const counters = await query(
    ctx.url,
    `SELECT a.key, a.posted::text, d.posted::text AS derived FROM ledger_account a
       LEFT JOIN (SELECT account_id, SUM(v) AS posted FROM (
                    SELECT credit_account_id AS account_id, amount AS v FROM ledger_posting WHERE status = 'posted' AND deleted_at IS NULL
                    UNION ALL SELECT debit_account_id, -amount FROM ledger_posting WHERE status = 'posted' AND deleted_at IS NULL) x GROUP BY 1) d
         ON d.account_id = a.id
      WHERE a.owner_type = 'customer' AND a.deleted_at IS NULL AND a.posted <> COALESCE(d.posted, 0) LIMIT 20`
  )
  for (const c of counters) problems.push(`account ${c.key}: counter ${c.posted} ≠ postings ${c.derived ?? 0}`)
  const negative = await query(
    ctx.url,
    `SELECT key, (posted - pending_out)::text AS available FROM ledger_account
      WHERE owner_type = 'customer' AND NOT allow_negative AND posted - pending_out < 0 AND deleted_at IS NULL LIMIT 20`
  )
  for (const n of negative) problems.push(`account ${n.key}: spendable balance ${n.available} < 0`)
  return problems
}

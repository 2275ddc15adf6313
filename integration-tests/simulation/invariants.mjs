// Every invariant the simulation checks once its operations are done, against the
// database and the APIs, each compared with the model (world.mjs + expectations.mjs).
// Returns the broken ones as messages (empty = all hold).
import { query } from "../../scripts/lib/database.mjs"
import { expectedOf, totalCents } from "./expectations.mjs"
import { major } from "./world.mjs"
import { until } from "./settle.mjs"

const toCents = (v) => BigInt(Math.round(Number(v) * 100))

/** Net effect of each order's postings on each customer: { order_id: { "asset:customer": smallest units } }. */
async function orderNets(url, orderIds) {
  const rows = await query(
    url,
    `SELECT p.source_id AS order_id, p.asset, a.owner_id,
            SUM(CASE WHEN p.credit_account_id = a.id THEN p.amount ELSE -p.amount END)::text AS net
       FROM ledger_posting p
       JOIN ledger_account a ON a.id IN (p.credit_account_id, p.debit_account_id) AND a.owner_type = 'customer'
      WHERE p.source_id = ANY($1) AND p.status <> 'voided' AND p.deleted_at IS NULL AND p.asset IN ('commission', 'points', 'growth')
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
    const loyalty = wallet.store_credit.filter((a) => a.currency_code === "cny").reduce((s, a) => s + toCents(a.balance), 0n)
    if (loyalty !== ledgerCredit) problems.push(`${p.email}: loyalty store credit ${major(loyalty)} ≠ ledger transfers ${major(ledgerCredit)} (${JSON.stringify(mine)})`)
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

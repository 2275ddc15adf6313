// The operations the simulation interleaves, each against the cluster over HTTP (the
// client alternates servers per request), each updating the model (world.mjs) with what
// it did and checking the answer against what the model predicts. An operation returns
// a one-line description for the run's log; `ctx.violation(msg)` records a broken rule.
import { cents, major, SHIPPING_CENTS, WITHDRAWAL_DAILY_LIMIT, WITHDRAWAL_MIN_CENTS } from "./world.mjs"
import { expectedOf, lineCents, lineCommissions, totalCents } from "./expectations.mjs"
import { waitForPoints } from "./settle.mjs"

const ADDRESS = { first_name: "Sim", last_name: "Shopper", address_1: "1 Random Road", city: "Ganzhou", country_code: "cn", postal_code: "341000" }
/** Products an ordinary order takes lines of; the 899 package pays fixed 100 / 0 (cluster setup-store.ts), others the store rates. */
const CATALOGUE = ["package-899", "red-date-snack-pack", "navel-oranges-10-jin"]

/** A request whose failure is a broken rule: any answer ≥ 300 throws with its body. */
async function must(ctx, method, path, headers, body) {
  const r = await ctx.client.request(method, path, headers, body)
  if (r.status >= 300) throw Object.assign(new Error(`${method} ${path} on ${r.server} → ${r.status}: ${JSON.stringify(r.data).slice(0, 300)}`), { status: r.status, data: r.data })
  return r.data
}
const admin = (ctx) => ctx.store.adminHeaders

/**
 * The storefront checkout of `items` ([{ variant_id, quantity, metadata? }]) with cart
 * `metadata`; `beforeShipping(cart)` runs once the lines are in. Returns Medusa's order.
 */
async function checkoutOf(ctx, who, items, metadata, beforeShipping) {
  const { cart } = await must(ctx, "POST", "/store/carts", who.headers, { region_id: ctx.store.region_id, ...(metadata ? { metadata } : {}) })
  let withLines = cart
  for (const item of items) withLines = (await must(ctx, "POST", `/store/carts/${cart.id}/line-items`, who.headers, item)).cart
  await beforeShipping?.(withLines)
  await must(ctx, "POST", `/store/carts/${cart.id}`, who.headers, { shipping_address: ADDRESS })
  const { shipping_options } = await must(ctx, "GET", `/store/shipping-options?cart_id=${cart.id}`, who.headers)
  await must(ctx, "POST", `/store/carts/${cart.id}/shipping-methods`, who.headers, { option_id: shipping_options[0].id })
  const { payment_collection } = await must(ctx, "POST", "/store/payment-collections", who.headers, { cart_id: cart.id })
  await must(ctx, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, who.headers, { provider_id: "pp_system_default" })
  const done = await must(ctx, "POST", `/store/carts/${cart.id}/complete`, who.headers, {})
  if (done.type !== "order") throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(done.error)}`)
  return done.order
}

/** The model's record of a placed order, its lines matched to Medusa's line items by variant. */
function recordOrder(ctx, who, order, wanted, rules, group = null, extra = {}) {
  const beneficiaries = ctx.world.beneficiaries(who)
  const lines = wanted.map((w) => {
    const item = order.items.find((i) => i.variant_id === w.variant_id)
    const line = { id: item.id, handle: w.handle, unit_cents: cents(item.unit_price), quantity: w.quantity, returned: 0, discount_cents: w.discount_cents ?? 0n }
    line.commissions = lineCommissions(line, rules[w.handle] ?? ctx.rules.default, beneficiaries)
    return line
  })
  const o = { id: order.id, buyer: who.customer_id, lines, shipping_cents: SHIPPING_CENTS, paid: false, refunded_cents: 0n, canceled: false, delivered: false, group, ...extra }
  if (cents(order.total) !== totalCents(o)) ctx.violation(`order ${o.id}: Medusa's total ${order.total} ≠ the model's ${major(totalCents(o))}`)
  who.orders.push(o)
  ctx.world.orders.push(o)
  return o
}

async function capturePayments(ctx, orderId) {
  const { order } = await must(ctx, "GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin(ctx))
  for (const c of order.payment_collections) for (const p of c.payments) if (!p.captured_at) await must(ctx, "POST", `/admin/payments/${p.id}/capture`, admin(ctx), {})
}

async function refundPayment(ctx, orderId, amountCents) {
  const { order } = await must(ctx, "GET", `/admin/orders/${orderId}?fields=id,*payment_collections.payments`, admin(ctx))
  const payment = order.payment_collections.flatMap((c) => c.payments).find((p) => p.captured_at)
  await must(ctx, "POST", `/admin/payments/${payment.id}/refund`, admin(ctx), { amount: major(amountCents) })
}

const refundable = (o) => totalCents(o) - o.refunded_cents
/** Orders the generator may change after the fact (campaign orders are the campaign's to settle). */
const ordinary = (who) => who.orders.filter((o) => !o.group && !o.presale && !o.canceled)

/** Cash in the shopper's wallet as a shopper gets it: commission (an admin adjustment) converted to store credit. */
async function fundWallet(ctx, who, amountCents, tag) {
  await must(ctx, "POST", "/admin/fission/ledger/adjustments", admin(ctx), {
    customer_id: who.customer_id, asset: "commission", currency_code: "cny", amount: major(amountCents), reason: "simulation", idempotency_key: `sim:${ctx.seed}:${ctx.lane}:${ctx.step}:${tag}`,
  })
  who.commissionAdjusted += amountCents
  await must(ctx, "POST", "/store/fission/commissions/convert", who.headers, { amount: major(amountCents) })
  who.converted += amountCents
}

const refusedAs = (r, re) => r.status === 400 && re.test(r.data?.message ?? "")
const AFTER_WIN = /nothing opens after the win|being paid for by someone else/
const SPEND_LIMIT = /daily blind-box spend limit/

/**
 * Every operation: `eligible(ctx, who)` says whether it can run for the shopper now,
 * `run(ctx, who)` does it. Weights decide how often each is chosen among the eligible.
 */
export const OPERATIONS = {
  checkout: {
    weight: 4,
    eligible: (ctx, who) => who.bindingFinal || !who.orders.length,
    run: async (ctx, who) => {
      const rng = ctx.rng
      const handles = [...new Set(Array.from({ length: rng.int(1, 2) }, () => rng.pick(CATALOGUE)))]
      const wanted = handles.map((handle) => ({ handle, variant_id: ctx.store.products[handle].variant_id, quantity: rng.int(1, handle === "package-899" ? 2 : 3) }))
      // a shopper's first order carries the referral code of a shopper whose own binding is settled
      let code = null
      let owner = null
      if (!who.root && !who.orders.length) {
        owner = rng.pick(ctx.codeOwners(who))
        code = await ctx.codeOf(owner)
        who.referrer = owner.customer_id
      }
      const order = await checkoutOf(ctx, who, wanted.map(({ variant_id, quantity }) => ({ variant_id, quantity })), code ? { referral_code: code } : undefined)
      const o = recordOrder(ctx, who, order, wanted, ctx.rules)
      if (code) {
        // the placed event binds the buyer on a worker; later orders' commissions depend on it
        await ctx.waitForBinding(who, o)
        who.bindingFinal = true
      }
      return `checkout ${o.id} ${wanted.map((w) => `${w.quantity}×${w.handle}`).join(" + ")}${code ? ` with ${owner.email}'s code` : ""}`
    },
  },
  pointsInCart: {
    weight: 1,
    eligible: (ctx, who) => who.bindingFinal && (who.orders.some((o) => o.paid) || who.checkedIn),
    run: async (ctx, who) => {
      const item = ctx.cartItem
      const handle = "red-date-snack-pack"
      const variant_id = ctx.store.products[handle].variant_id
      const quantity = ctx.rng.int(1, 2)
      const points = BigInt(item.points_cost) * BigInt(quantity)
      const have = await waitForPoints(ctx, who)
      let answer = null
      const order = await checkoutOf(ctx, who, [{ variant_id, quantity }], undefined, async (cart) => {
        const line = cart.items.find((i) => i.variant_id === variant_id)
        answer = await ctx.client.request("POST", `/store/fission/carts/${cart.id}/points`, who.headers, { line_item_id: line.id })
      })
      const applied = answer.status === 200
      if (answer.status >= 500) throw new Error(`points in the cart → ${answer.status}: ${JSON.stringify(answer.data).slice(0, 200)}`)
      if (applied !== have >= points) ctx.violation(`points in the cart: ${points} points with ${have} available → ${answer.status} ${JSON.stringify(answer.data).slice(0, 200)}`)
      if (!applied && answer.data?.code !== "insufficient_points") ctx.violation(`points in the cart refused with ${answer.status} ${answer.data?.code} (expected insufficient_points)`)
      const discount = applied ? (ctx.unitCents(handle) - cents(item.cash_price)) * BigInt(quantity) : 0n
      const o = recordOrder(ctx, who, order, [{ handle, variant_id, quantity, discount_cents: discount }], ctx.rules, null, { cart_points: applied ? points : 0n })
      return `checkout ${o.id} ${quantity}×${handle}${applied ? ` paying ${points} points (−${major(discount)})` : ` (points refused: ${have} < ${points})`}`
    },
  },
  capture: {
    weight: 5,
    eligible: (ctx, who) => ordinary(who).some((o) => !o.paid),
    run: async (ctx, who) => {
      const o = ctx.rng.pick(ordinary(who).filter((o) => !o.paid))
      await capturePayments(ctx, o.id)
      o.paid = true
      return `capture ${o.id}`
    },
  },
  partialRefund: {
    weight: 3,
    eligible: (ctx, who) => ordinary(who).some((o) => o.paid && refundable(o) > 1n),
    run: async (ctx, who) => {
      const o = ctx.rng.pick(ordinary(who).filter((o) => o.paid && refundable(o) > 1n))
      const line = ctx.rng.pick(o.lines)
      // one unit's price (exact unit earnings) or an arbitrary amount in cents
      let amount = ctx.rng.chance(0.4) ? line.unit_cents : BigInt(ctx.rng.int(1, Number(refundable(o)) - 1))
      if (amount >= refundable(o)) amount = refundable(o) - 1n
      await refundPayment(ctx, o.id, amount)
      o.refunded_cents += amount
      return `refund ${major(amount)} of ${o.id} (now ${major(o.refunded_cents)} of ${major(totalCents(o))})`
    },
  },
  fullRefund: {
    weight: 1,
    eligible: (ctx, who) => ordinary(who).some((o) => o.paid && refundable(o) > 0n),
    run: async (ctx, who) => {
      const o = ctx.rng.pick(ordinary(who).filter((o) => o.paid && refundable(o) > 0n))
      const amount = refundable(o)
      await refundPayment(ctx, o.id, amount)
      o.refunded_cents += amount
      return `refund the remaining ${major(amount)} of ${o.id}`
    },
  },
  deliver: {
    weight: 3,
    eligible: (ctx, who) => ordinary(who).some((o) => o.paid && !o.delivered),
    run: async (ctx, who) => {
      const o = ctx.rng.pick(ordinary(who).filter((o) => o.paid && !o.delivered))
      await must(ctx, "POST", `/admin/orders/${o.id}/fulfillments`, admin(ctx), { items: o.lines.map((l) => ({ id: l.id, quantity: l.quantity })), location_id: ctx.locationId })
      const { order } = await must(ctx, "GET", `/admin/orders/${o.id}?fields=fulfillments.id`, admin(ctx))
      await must(ctx, "POST", `/admin/orders/${o.id}/fulfillments/${order.fulfillments[0].id}/mark-as-delivered`, admin(ctx), {})
      o.delivered = true
      return `deliver ${o.id}`
    },
  },
  return: {
    weight: 3,
    eligible: (ctx, who) => ordinary(who).some((o) => o.delivered && o.lines.some((l) => l.returned < l.quantity)),
    run: async (ctx, who) => {
      const o = ctx.rng.pick(ordinary(who).filter((o) => o.delivered && o.lines.some((l) => l.returned < l.quantity)))
      const line = ctx.rng.pick(o.lines.filter((l) => l.returned < l.quantity))
      const quantity = ctx.rng.int(1, line.quantity - line.returned)
      const items = [{ id: line.id, quantity }]
      const { return: ret } = await must(ctx, "POST", "/admin/returns", admin(ctx), { order_id: o.id, location_id: ctx.locationId })
      await must(ctx, "POST", `/admin/returns/${ret.id}/request-items`, admin(ctx), { items })
      await must(ctx, "POST", `/admin/returns/${ret.id}/request`, admin(ctx), {})
      await must(ctx, "POST", `/admin/returns/${ret.id}/receive`, admin(ctx), {})
      await must(ctx, "POST", `/admin/returns/${ret.id}/receive-items`, admin(ctx), { items })
      await must(ctx, "POST", `/admin/returns/${ret.id}/receive/confirm`, admin(ctx), {})
      line.returned += quantity
      // most returns are then paid back (that refund must not reverse them a second time)
      let refunded = 0n
      if (ctx.rng.chance(0.7)) {
        refunded = (lineCents(line) * BigInt(quantity)) / BigInt(line.quantity) // what the returned units were paid
        if (refunded > refundable(o)) refunded = refundable(o)
        if (refunded > 0n) {
          await refundPayment(ctx, o.id, refunded)
          o.refunded_cents += refunded
        }
      }
      return `return ${quantity}×${line.handle} of ${o.id}${refunded ? `, refunded ${major(refunded)}` : ""}`
    },
  },
  cancel: {
    weight: 1,
    // Medusa cancels an order whose payment is not captured and that has no fulfilment
    eligible: (ctx, who) => ordinary(who).some((o) => !o.paid),
    run: async (ctx, who) => {
      const o = ctx.rng.pick(ordinary(who).filter((o) => !o.paid))
      await must(ctx, "POST", `/admin/orders/${o.id}/cancel`, admin(ctx), {})
      o.canceled = true
      return `cancel ${o.id}`
    },
  },
  checkIn: {
    weight: 1,
    eligible: () => true,
    run: async (ctx, who) => {
      const r = await ctx.client.request("POST", "/store/fission/check-ins", who.headers, {})
      if (!who.checkedIn) {
        if (r.status !== 201) throw new Error(`first check-in of the day → ${r.status}: ${JSON.stringify(r.data).slice(0, 200)}`)
        who.checkedIn = true
        who.checkInPoints += BigInt(r.data.check_in.points)
        return `check-in (+${r.data.check_in.points} points)`
      }
      if (r.status !== 422) ctx.violation(`second check-in of ${who.email} on one day → ${r.status} (expected 422)`)
      return `check-in again → ${r.status}`
    },
  },
  redeem: {
    weight: 2,
    eligible: (ctx, who) => who.orders.some((o) => o.paid) || who.checkedIn,
    run: async (ctx, who) => {
      const item = ctx.rng.pick(ctx.mallItems)
      // points arrive on a worker: the prediction needs them posted first
      const have = await waitForPoints(ctx, who)
      const r = await ctx.client.request("POST", `/store/fission/points-mall/${item.id}/redeem`, who.headers, {})
      const ok = r.status === 201
      ctx.world.redemptions.push({ item: item.id, shopper: who.customer_id, ok, code: r.data?.code })
      if (ok) who.spentPoints += BigInt(item.points_cost)
      const enough = have >= BigInt(item.points_cost)
      if (r.status >= 500) throw new Error(`redeem → ${r.status}: ${JSON.stringify(r.data).slice(0, 200)}`)
      if (enough && !ok && !(item.limited && r.data?.code === "out_of_stock")) ctx.violation(`${who.email} with ${have} points could not redeem ${item.title} (${item.points_cost}): ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
      if (!enough && ok) ctx.violation(`${who.email} with ${have} points redeemed ${item.title} costing ${item.points_cost}`)
      // a sold-out item is refused as such whatever the balance
      if (!enough && !ok && r.data?.code !== "insufficient_points" && !(item.limited && r.data?.code === "out_of_stock")) ctx.violation(`redeem without enough points → ${r.status} ${r.data?.code} (expected insufficient_points)`)
      return `redeem ${item.title} (${item.points_cost}) with ${have} points → ${r.status}${r.data?.code ? ` ${r.data.code}` : ""}`
    },
  },
  fundCommission: {
    weight: 1,
    eligible: () => true,
    run: async (ctx, who) => {
      const amount = BigInt(ctx.rng.int(20, 200) * 100 + ctx.rng.int(0, 99))
      await must(ctx, "POST", "/admin/fission/ledger/adjustments", admin(ctx), {
        customer_id: who.customer_id, asset: "commission", currency_code: "cny", amount: major(amount), reason: "simulation", idempotency_key: `sim:${ctx.seed}:${ctx.lane}:${ctx.step}`,
      })
      who.commissionAdjusted += amount
      return `adjust commission +${major(amount)}`
    },
  },
  withdraw: {
    weight: 2,
    eligible: (ctx, who) => who.commissionAdjusted > 0n,
    run: async (ctx, who) => {
      const available = ctx.world.availableCommission(who)
      const amount = BigInt(ctx.rng.int(500, Math.max(600, Number(available) + 2000)))
      const r = await ctx.client.request("POST", "/store/fission/withdrawals", who.headers, { amount: major(amount), method: "manual" })
      const expected = amount >= WITHDRAWAL_MIN_CENTS && amount <= available && who.withdrawals.length < WITHDRAWAL_DAILY_LIMIT
      if (r.status === 200) who.withdrawals.push({ id: r.data.withdrawal.id, cents: amount, status: "requested" })
      if (expected !== (r.status === 200)) ctx.violation(`withdrawal of ${major(amount)} with ${major(available)} available → ${r.status} ${JSON.stringify(r.data).slice(0, 200)} (expected ${expected ? "200" : "400"})`)
      return `withdraw ${major(amount)} of ${major(available)} → ${r.status}`
    },
  },
  decideWithdrawal: {
    weight: 2,
    eligible: (ctx, who) => who.withdrawals.some((w) => w.status === "requested"),
    run: async (ctx, who) => {
      const w = ctx.rng.pick(who.withdrawals.filter((w) => w.status === "requested"))
      if (ctx.rng.chance(0.5)) {
        await must(ctx, "POST", `/admin/fission/withdrawals/${w.id}/approve`, admin(ctx), {})
        w.status = "approved"
      } else {
        await must(ctx, "POST", `/admin/fission/withdrawals/${w.id}/reject`, admin(ctx), { reason: "simulated rejection" })
        w.status = "rejected"
      }
      return `${w.status} withdrawal ${w.id} of ${major(w.cents)}`
    },
  },
  convert: {
    weight: 2,
    eligible: (ctx, who) => who.commissionAdjusted > 0n,
    run: async (ctx, who) => {
      const available = ctx.world.availableCommission(who)
      const amount = BigInt(ctx.rng.int(1, Math.max(2, Number(available) + 1000)))
      const r = await ctx.client.request("POST", "/store/fission/commissions/convert", who.headers, { amount: major(amount) })
      const expected = amount <= available
      if (r.status === 200) who.converted += amount
      if (expected !== (r.status === 200)) ctx.violation(`conversion of ${major(amount)} with ${major(available)} available → ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
      return `convert ${major(amount)} of ${major(available)} → ${r.status}`
    },
  },
  groupJoin: {
    weight: 2,
    eligible: (ctx, who) => who.bindingFinal,
    run: async (ctx, who) => {
      const campaign = ctx.campaign
      const { group_draw } = await must(ctx, "GET", `/store/fission/group-draws/${campaign.id}`, who.headers)
      let group = ctx.rng.chance(0.8) ? group_draw.open_groups[0] : null
      if (!group) group = (await must(ctx, "POST", `/store/fission/group-draws/${campaign.id}/groups`, who.headers, {})).group
      const tea = ctx.store.products["tea-gift-box"]
      const wanted = [{ handle: "tea-gift-box", variant_id: tea.variant_id, quantity: 1 }]
      const metadata = { group_draw_campaign_id: campaign.id, group_id: group.id, client_seed: `sim-${ctx.seed}-${ctx.lane}-${ctx.step}` }
      let order
      try {
        order = await checkoutOf(ctx, who, [{ variant_id: tea.variant_id, quantity: 1, metadata }])
      } catch (e) {
        // the group filled (other lanes' payments) between the listing and this completion: refused before any money moves
        if (e.status === 400 && /group is full/i.test(e.data?.message ?? "")) return `join group ${group.id} refused at completion: full`
        throw e
      }
      const o = recordOrder(ctx, who, order, wanted, ctx.rules, { campaign_id: campaign.id, asked_group: group.id })
      // a join is a payment: the seat is taken when it is captured
      await capturePayments(ctx, o.id)
      o.paid = true
      return `join group ${group.id} (${group.seats_taken ?? 0}/${campaign.group_size}) with ${o.id}`
    },
  },
  presaleJoin: {
    weight: 1.5,
    eligible: (ctx, who) => who.bindingFinal,
    run: async (ctx, who) => {
      const c = ctx.presale
      const variant_id = ctx.store.products[c.handle].variant_id
      let added = null
      let order
      try {
        order = await checkoutOf(ctx, who, [], undefined, async (cart) => {
          added = (await must(ctx, "POST", `/store/fission/presales/${c.id}/line-items`, who.headers, { cart_id: cart.id, client_seed: `sim-${ctx.seed}-${ctx.lane}-${ctx.step}` })).cart
        })
      } catch (e) {
        // another lane's capture moved the tier between the line and the completion: refused before any money moves
        if (e.status === 400 && /pre-sale price is now/i.test(e.data?.message ?? "")) return `pre-sale join refused at completion: ${e.data.message.slice(0, 60)}`
        throw e
      }
      const price = added.items.find((i) => i.variant_id === variant_id).unit_price
      const o = recordOrder(ctx, who, order, [{ handle: c.handle, variant_id, quantity: 1 }], ctx.rules, null, { presale: { campaign_id: c.id } })
      // the participant is numbered when the payment is captured (a worker, fission.order.paid)
      await capturePayments(ctx, o.id)
      o.paid = true
      return `join pre-sale at ${price} with ${o.id}`
    },
  },
  blindBox: {
    weight: 2,
    eligible: (ctx, who) => who.bindingFinal,
    run: async (ctx, who) => {
      const t = ctx.blindTemplate
      if (!who.blind.age) {
        await must(ctx, "POST", "/store/fission/blind-box-age-confirmation", who.headers, { age: 30 })
        who.blind.age = true
      }
      const box = ctx.blindBoxes.at(-1)
      const state = box && (await must(ctx, "GET", `/store/fission/blind-boxes/${box.id}`, who.headers)).blind_box
      const overLimit = (cents) => who.blind.spentCents + cents > ctx.spendLimitCents
      if (!box || state.status === "won") {
        // start a new one: its cash and vouchers first
        await fundWallet(ctx, who, t.cashCents, "bb-cash")
        await must(ctx, "POST", "/admin/fission/ledger/adjustments", admin(ctx), {
          customer_id: who.customer_id, asset: "voucher", amount: Number(t.vouchers), reason: "simulation", idempotency_key: `sim:${ctx.seed}:${ctx.lane}:${ctx.step}:bb-vouchers`,
        })
        who.blind.vouchers += t.vouchers
        const r = await ctx.client.request("POST", "/store/fission/blind-boxes", who.headers, { template_id: t.id, client_seed: `sim-${ctx.seed}-${ctx.lane}-${ctx.step}` })
        if (r.status >= 500) throw new Error(`start a blind box → ${r.status}: ${JSON.stringify(r.data).slice(0, 200)}`)
        const ok = r.status === 200 || r.status === 201
        if (overLimit(t.cashCents)) {
          if (!refusedAs(r, SPEND_LIMIT)) ctx.violation(`start of a blind box over the daily limit (spent ${major(who.blind.spentCents)}) → ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
        } else if (!ok) ctx.violation(`start of a blind box (spent ${major(who.blind.spentCents)} today) → ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
        if (!ok) return `start a blind box → ${r.status} (spent ${major(who.blind.spentCents)} today)`
        const b = r.data.blind_box
        ctx.blindBoxes.push({ id: b.id, initiator: who.customer_id })
        who.blind.paidCents += t.cashCents
        who.blind.spentCents += t.cashCents
        who.blind.vouchers -= t.vouchers
        return `start blind box ${b.id}`
      }
      await fundWallet(ctx, who, t.openCents, "bb-open")
      const r = await ctx.client.request("POST", `/store/fission/blind-boxes/${box.id}/opens`, who.headers, {})
      if (r.status >= 500) throw new Error(`open ${box.id} → ${r.status}: ${JSON.stringify(r.data).slice(0, 200)}`)
      const ok = r.status === 201
      // other lanes' opens decide whether a place is left (read back, not predicted); the limit is this shopper's own
      if (overLimit(t.openCents)) {
        if (!(refusedAs(r, SPEND_LIMIT) || refusedAs(r, AFTER_WIN))) ctx.violation(`open of ${box.id} over the daily limit (spent ${major(who.blind.spentCents)}) → ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
      } else if (!ok && !refusedAs(r, AFTER_WIN)) ctx.violation(`open of ${box.id} (spent ${major(who.blind.spentCents)} today) → ${r.status} ${JSON.stringify(r.data).slice(0, 200)}`)
      if (!ok) return `open ${box.id} → ${r.status} ${String(r.data?.message).slice(0, 50)}`
      const open = r.data.open
      const a = { box: box.id, shopper: who.customer_id, id: open.id, number: open.number, won: open.won, claimed: false }
      ctx.world.blindOpens.push(a)
      who.blind.paidCents += t.openCents
      who.blind.spentCents += t.openCents
      if (!open.won) {
        who.blind.vouchers += t.consolation
        return `open ${box.id} → #${open.number}`
      }
      // the winner takes the prize at once (vouchers), once: a second claim is refused
      await must(ctx, "POST", `/store/fission/blind-boxes/${box.id}/claim`, who.headers, { choice: "vouchers" })
      a.claimed = true
      who.blind.vouchers += t.winnerVouchers
      const again = await ctx.client.request("POST", `/store/fission/blind-boxes/${box.id}/claim`, who.headers, { choice: "vouchers" })
      if (again.status !== 422 && again.status !== 400) ctx.violation(`second claim of ${box.id} → ${again.status} ${JSON.stringify(again.data).slice(0, 200)} (expected a refusal)`)
      return `open ${box.id} → #${open.number} WON, claimed ${t.winnerVouchers} vouchers (again → ${again.status})`
    },
  },
}

/** Expected per-order values, for the log of a failure. */
export const describeExpected = (o) => {
  const e = expectedOf(o)
  return `points ${e.points}, commission ${Object.entries(e.commission).map(([k, v]) => `${k}:${major(v)}`).join(" ") || "none"}`
}

// The randomized simulation (issue 12): LANES concurrent lanes, each a seeded sequence
// of operations (operations.mjs) by its own shoppers, against the cluster; then every
// invariant (invariants.mjs). Shoppers of one lane act one at a time, so the model
// predicts each answer; the lanes run at once, so requests of many shoppers interleave
// on both servers and the workers. A run is replayed by its seed and size:
// FISSION_SIM_SEED=<seed> FISSION_SIM_OPS=<ops> (and FISSION_SIM_LANES when changed).
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { prng } from "./prng.mjs"
import { cents, createWorld, major } from "./world.mjs"
import { OPERATIONS } from "./operations.mjs"
import { waitForBinding } from "./settle.mjs"
import { absorbGroupOutcomes, absorbPresaleOutcomes, checkBlindBoxes, checkEnvelopes, checkLedger, checkMall, checkOrders, checkShoppers } from "./invariants.mjs"

/** Store data the simulation needs, made through the Admin API (nothing of it is in setup-store.ts). */
async function prepareStore(ctx, seed) {
  const { ok } = ctx.client
  const admin = ctx.store.adminHeaders
  // the rules the model assumes, set explicitly (defaults today, but other checks may change them)
  await ok("POST", "/admin/fission/distribution/settings", admin, { promoter_mode: "everyone_is_promoter", commission_depth: 2, level1_rate: 0.1, level2_rate: 0.05, self_purchase_commission: false, bind_mode: "anytime_until_first_order" })
  await ok("POST", "/admin/fission/membership/settings", admin, { points_per_currency_unit: 1, points_pending_days: 0 })
  const { stock_locations } = await ok("GET", "/admin/stock-locations?limit=1", admin)
  ctx.locationId = stock_locations[0].id
  const { promotion } = await ok("POST", "/admin/promotions", admin, {
    code: `SIM${String(seed).replace(/[^A-Za-z0-9]/g, "").toUpperCase().slice(0, 12)}${Date.now() % 100000}`,
    type: "standard",
    status: "draft",
    application_method: { type: "fixed", target_type: "order", allocation: "across", value: 5, currency_code: "cny" },
  })
  const items = [
    { title: "sim coupon", kind: "coupon", points_cost: 40, template_promotion_id: promotion.id, stock: 100000 },
    { title: "sim credit", kind: "store_credit", points_cost: 150, credit_amount: 5, currency_code: "cny", stock: 100000 },
    { title: "sim scarce coupon", kind: "coupon", points_cost: 25, template_promotion_id: promotion.id, stock: 3, limited: true },
  ]
  // points in the cart (SPEC §6.5): the snack pack for 60 points + 9.90 a unit instead of 29.90
  const snack = ctx.store.products["red-date-snack-pack"]
  ctx.cartItem = (await ok("POST", "/admin/fission/points-mall/items", admin, { title: "sim snack for points", kind: "product", points_cost: 60, variant_id: snack.variant_id, cash_price: 9.9, currency_code: "cny", stock: 100000 })).item
  ctx.unitCents = (handle) => BigInt(Math.round(ctx.store.products[handle].price * 100))
  ctx.mallItems = []
  for (const { limited, ...body } of items) {
    const { item } = await ok("POST", "/admin/fission/points-mall/items", admin, body)
    ctx.mallItems.push({ ...item, limited: !!limited, stock: body.stock })
  }
  const tea = ctx.store.products["tea-gift-box"]
  // campaign seats are decided at payment, not by Medusa's inventory reservation (as in the group-draw checks)
  await ok("POST", `/admin/products/${tea.product_id}/variants/${tea.variant_id}`, admin, { manage_inventory: false })
  ctx.loserRewardCents = 1000n
  ctx.envelopeCents = 1000n
  const { group_draw } = await ok("POST", "/admin/fission/group-draws", admin, {
    title: `Simulation ${seed}`, variant_id: tea.variant_id, price: tea.price, currency_code: "cny", status: "active",
    group_size: 3, winners: 1, loser_reward: major(ctx.loserRewardCents), red_envelope_amount: major(ctx.envelopeCents), red_envelope_split: "random",
  })
  ctx.campaign = group_draw
  // a pre-sale of the navel oranges (SPEC §5): 40 less 3 every 3 participants (at most 5 steps), a free order every 4
  const oranges = ctx.store.products["navel-oranges-10-jin"]
  const terms = { base_price: 40, step_amount: 3, step_interval: 3, max_steps: 5, free_interval: 4 }
  const { presale } = await ok("POST", "/admin/fission/presales", admin, {
    title: `Simulation ${seed}`, variant_id: oranges.variant_id, currency_code: "cny", ...terms, ends_at: new Date(Date.now() + 86_400_000).toISOString(), status: "active",
  })
  ctx.presale = {
    ...presale, handle: "navel-oranges-10-jin", baseCents: cents(terms.base_price), stepCents: cents(terms.step_amount),
    stepInterval: terms.step_interval, maxSteps: terms.max_steps, freeInterval: terms.free_interval,
  }
  // a blind box (SPEC §7) with no referral rewards (the model's commissions stay those of orders):
  // 10 cash + 5 vouchers to start, 5 an open, 4 of it to the initiator, 1 voucher a losing open, prize at 2…6
  // (the tea gift box or 15 vouchers; the simulation's winners take the vouchers)
  const { blind_box_template } = await ok("POST", "/admin/fission/blind-box-templates", admin, {
    title: `Simulation ${seed}`, variant_id: tea.variant_id, currency_code: "cny", status: "active", prize_value: 20, boxes: 6, no_win_opens: 1,
    initiation_cash: 10, initiation_vouchers: 5, open_price: 5, initiator_share: 4, consolation_vouchers: 1, winner_vouchers: 15,
    referrer_reward_initiation: 0, leader_reward_initiation: 0, referrer_reward_open: 0, seed_gift_limit: 0,
  })
  ctx.blindTemplate = { ...blind_box_template, cashCents: 1000n, vouchers: 5n, openCents: 500n, shareCents: 400n, consolation: 1n, winnerVouchers: 15n }
  ctx.blindBoxes = [] // { id, initiator } in the order they were started; the last one is the one shoppers open
  // a daily blind-box spend limit of 10 (initiation cash and opens per UTC day): 2 opens, or a start and nothing more
  const { compliance } = await ok("GET", "/admin/fission/compliance", admin)
  ctx.restoreCompliance = () => ok("POST", "/admin/fission/compliance", admin, { blind_box_daily_spend_limit: compliance?.blind_box_daily_spend_limit ?? null })
  await ok("POST", "/admin/fission/compliance", admin, { blind_box_daily_spend_limit: 10 })
  ctx.spendLimitCents = 1000n
  // the 899 package pays a fixed 100 / 0 per unit (setup-store.ts); the rest the store rates
  ctx.rules = { "package-899": { mode: "fixed", level1: 10000, level2: 0 }, default: { mode: "rate", level1: "0.1", level2: "0.05" } }
}

/**
 * Runs the simulation; resolves to { problems, log, figures }. `shoppers` are fresh
 * customers ({ email, customer_id, token }) nothing else has used.
 */
export async function simulate({ client: http, store, url, shoppers, seed, ops, lanes = 6, roots = 4, settleMs = 90_000, log = console.log }) {
  // core's two answers to retry (nothing was changed): 429 lock_timeout (Retry-After 2) and
  // 503 database_unavailable (Retry-After 1), as a shopper's client does; each one is logged
  const retries = []
  const request = async (method, path, headers, body) => {
    for (let attempt = 1; ; attempt++) {
      const r = await http.request(method, path, headers, body)
      const code = r.data?.code
      if (!((r.status === 429 && code === "lock_timeout") || (r.status === 503 && code === "database_unavailable")) || attempt > 4) return r
      retries.push(`${method} ${path} → ${r.status} ${code} (attempt ${attempt})`)
      await new Promise((done) => setTimeout(done, (r.status === 429 ? 2000 : 1000) * attempt))
    }
  }
  const client = { ...http, request }
  const world = createWorld({ shoppers: shoppers.map((s) => ({ ...s, headers: client.shopper(s.token) })), roots })
  const lines = []
  const problems = []
  let stopped = false
  const base = { client, store, url, world, seed, settleMs }
  await prepareStore(base, seed)
  const codes = new Map()
  base.codeOf = async (owner) => {
    if (!codes.has(owner.customer_id)) codes.set(owner.customer_id, (await client.ok("GET", "/store/fission/referral", owner.headers)).referral.code)
    return codes.get(owner.customer_id)
  }
  base.historyOf = (o) => lines.filter((l) => l.includes(o.id)).map((l) => l.replace(/^\S+ \S+ /, "")).join("; ") || "placed"
  const t0 = Date.now()
  const counts = {}

  const runLane = async (lane) => {
    const rng = prng(seed).fork(`lane-${lane}`)
    const mine = world.people.filter((p) => p.i % lanes === lane)
    const perLane = Math.floor(ops / lanes) + (lane < ops % lanes ? 1 : 0)
    for (let step = 0; step < perLane && !stopped; step++) {
      const ctx = {
        ...base,
        rng,
        lane,
        step,
        waitForBinding: (who, o) => waitForBinding(ctx, who, o),
        codeOwners: (who) => world.people.filter((p) => p !== who && (p.root || (p.bindingFinal && p.orders.length && p.i % lanes === lane))),
        violation: (m) => {
          problems.push(`[lane ${lane} step ${step}] ${m}`)
          stopped = true
        },
      }
      const who = rng.pick(mine)
      // a shopper who has not bound yet starts with the checkout that carries a code
      const name = !who.bindingFinal && !who.orders.length ? "checkout" : rng.weighted(Object.fromEntries(Object.entries(OPERATIONS).map(([n, op]) => [n, op.eligible(ctx, who) ? op.weight : 0])))
      try {
        const what = await OPERATIONS[name].run(ctx, who)
        lines.push(`${lane}.${step} ${who.email.split("@")[0]} ${what}`)
        counts[name] = (counts[name] ?? 0) + 1
      } catch (e) {
        lines.push(`${lane}.${step} ${who.email.split("@")[0]} ${name} FAILED: ${e.message}`)
        ctx.violation(`${name} by ${who.email}: ${e.message}`)
      }
    }
  }
  await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(lane)))
  const opsSeconds = (Date.now() - t0) / 1000
  log(`    ${lines.length} operations in ${opsSeconds.toFixed(1)} s: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(", ")}`)

  const t1 = Date.now()
  const ctx = { ...base, lines, violation: (m) => problems.push(m) }
  problems.push(...(await absorbGroupOutcomes(ctx)))
  problems.push(...(await absorbPresaleOutcomes(ctx)))
  problems.push(...(await checkOrders(ctx)))
  problems.push(...(await checkShoppers(ctx)))
  problems.push(...(await checkEnvelopes(ctx)))
  problems.push(...(await checkMall(ctx)))
  problems.push(...(await checkBlindBoxes(ctx)))
  await base.restoreCompliance()
  problems.push(...(await checkLedger(ctx)))
  const checkSeconds = (Date.now() - t1) / 1000
  const figures = {
    seed,
    ops: lines.length,
    lanes,
    orders: world.orders.length,
    group_joins: world.orders.filter((o) => o.group).length,
    presale_joins: world.orders.filter((o) => o.presale).length,
    blind_boxes: base.blindBoxes.length,
    blind_opens: world.blindOpens.length,
    retried: retries.length,
    ops_seconds: opsSeconds,
    invariant_seconds: checkSeconds,
    counts,
  }
  const logFile = path.join(os.tmpdir(), `fission-sim-${String(seed).replace(/[^A-Za-z0-9_-]/g, "_")}-${ops}.log`)
  fs.writeFileSync(logFile, [...lines, ...retries.map((r) => `retried: ${r}`)].join("\n") + "\n")
  return { problems, lines, figures, logFile }
}

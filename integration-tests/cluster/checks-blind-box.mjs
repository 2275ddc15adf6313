// The blind-box races of blind-box-race.spec.ts across the cluster: concurrent opens of one
// campaign from ten wallets, alternating between the servers, and the daily spend limit under
// a burst. Wallets are funded as a shopper funds them here — commission (an admin adjustment)
// converted to loyalty store credit — and read back from the Store API and the database.
import assert from "node:assert/strict"
import { query } from "../../scripts/lib/database.mjs"
import { pool } from "./until.mjs"


// 600 opens, 150 in flight, not the spec's 1,000 at once: the winning position is at most 24,
// so the race is over within the first few dozen requests either way; the rest prove that
// nothing opens after the win, and 1,000 fresh connections at once overflow a 2-core box's
// listen backlog (the spec carries them on 256 keep-alive sockets)
const OPENS = 600
const IN_FLIGHT = 150

export function blindBoxChecks({ client, store, url }) {
  const { request, ok, shopper } = client
  const admin = () => store.adminHeaders
  // shoppers 330..345 (setup-store makes 400; other checks use lower ones)
  const S = (i) => ({ ...store.shoppers[i], headers: shopper(store.shoppers[i].token) })
  const adjust = (who, asset, amount, tag) =>
    ok("POST", "/admin/fission/ledger/adjustments", admin(), {
      customer_id: who.customer_id,
      asset,
      ...(asset === "commission" ? { currency_code: "cny" } : {}),
      amount,
      reason: "cluster blind-box test",
      idempotency_key: `cluster:blind-box:${tag}:${asset}:${who.customer_id}`,
    })
  /** Age confirmed, and `cash` of loyalty store credit (commission converted by the shopper). */
  const player = async (i, cash, tag) => {
    const who = S(i)
    await ok("POST", "/store/fission/blind-box-age-confirmation", who.headers, { age: 25 })
    if (cash) {
      await adjust(who, "commission", String(cash), tag)
      await ok("POST", "/store/fission/commissions/convert", who.headers, { amount: cash })
    }
    return who
  }
  const credit = async (who) => {
    const { wallet } = await ok("GET", "/store/fission/wallet", who.headers)
    return wallet.store_credit.filter((a) => a.currency_code === "cny").reduce((s, a) => s + Number(a.balance), 0)
  }
  const template = async (over = {}) =>
    (
      await ok("POST", "/admin/fission/blind-box-templates", admin(), {
        title: "Cluster race box",
        variant_id: store.products["tea-gift-box"].variant_id,
        currency_code: "cny",
        status: "active",
        prize_value: 99,
        boxes: 24,
        initiation_cash: 30,
        initiation_vouchers: 69,
        open_price: 5,
        initiator_share: 4.5,
        no_win_opens: 6,
        consolation_vouchers: 99,
        ...over,
      })
    ).blind_box_template
  const initiate = async (templateId, i, tag) => {
    const initiator = await player(i, 30, tag)
    await adjust(initiator, "voucher", 69, tag)
    const { blind_box } = await ok("POST", "/store/fission/blind-boxes", initiator.headers, { template_id: templateId })
    return { initiator, box: blind_box }
  }
  const reconciled = async () => assert.equal((await ok("GET", "/admin/fission/ledger/reconciliation", admin())).reconciliation.ok, true, "ledger reconciliation")

  return [
    {
      name: `blind box: ${OPENS} concurrent opens from 10 customers on both servers → exactly one winner at the committed position, no open after it, no overdrawn wallet (blind-box-race.spec.ts)`,
      run: async () => {
        const t = await template()
        const { initiator, box } = await initiate(t.id, 330, "race")
        const players = await Promise.all(Array.from({ length: 10 }, (_, i) => player(331 + i, 100, "race")))
        const results = await pool(Array.from({ length: OPENS }, (_, i) => i), IN_FLIGHT, (i) =>
          request("POST", `/store/fission/blind-boxes/${box.id}/opens`, players[i % players.length].headers, {})
        )
        const opened = results.filter((r) => r.status === 200 || r.status === 201).map((r) => r.data.open)
        const refused = results.filter((r) => !(r.status === 200 || r.status === 201))
        const reasons = [...new Set(refused.map((r) => `${r.status} ${String(r.data?.message).replace(/bbx_\w+/g, "bbx").replace(/open \d+/, "open N")}`))]
        assert.deepEqual(reasons.filter((k) => !/^400 .*(nothing opens after the win|being paid for)/.test(k)), [])
        assert.equal(new Set(results.map((r) => r.server)).size, 2, "both servers answered")

        const { blind_box: state } = await ok("GET", `/store/fission/blind-boxes/${box.id}`, { "x-publishable-api-key": store.publishable_key })
        const p = state.winning_open
        assert.equal(state.status, "won")
        assert.ok(p >= 7 && p <= 24, `winning position ${p}`)
        assert.equal(state.opens_count, p)
        assert.equal(state.draw.outcome.position, p)
        assert.equal(opened.length, p)
        assert.equal(opened.filter((o) => o.won).length, 1)
        assert.equal(opened.find((o) => o.won).number, p)
        assert.deepEqual(opened.map((o) => o.number).sort((a, b) => a - b), Array.from({ length: p }, (_, i) => i + 1))

        // in the database: p numbered opens, nothing numbered beyond p, no open left reserved
        const opens = await query(url, `SELECT customer_id, number, status FROM blind_box_open WHERE campaign_id = $1 AND deleted_at IS NULL`, [box.id])
        const numbered = opens.filter((o) => o.number !== null)
        assert.equal(numbered.length, p)
        assert.equal(Math.max(...numbered.map((o) => o.number)), p)
        assert.equal(opens.filter((o) => o.status === "reserved").length, 0)
        const [row] = await query(url, `SELECT opens_reserved FROM blind_box_campaign WHERE id = $1`, [box.id])
        assert.equal(row.opens_reserved, 0)

        // wallets: every player paid 5 per numbered open and never went below 0; the initiator got 4.5 × p
        let paid = 0
        for (const who of players) {
          const mine = numbered.filter((o) => o.customer_id === who.customer_id).length
          const balance = await credit(who)
          assert.equal(balance, 100 - 5 * mine, `${who.customer_id}: ${mine} opens`)
          assert.ok(balance >= 0)
          paid += 100 - balance
        }
        assert.equal(paid, 5 * p)
        assert.equal(await credit(initiator), 4.5 * p)
        await reconciled()
      },
    },
    {
      name: "blind box: the daily spend limit is decided in Postgres: 10 concurrent opens of 5 under a limit of 12, on both servers → exactly 2 (blind-box-race.spec.ts)",
      run: async () => {
        const { compliance: was } = await ok("GET", "/admin/fission/compliance", admin())
        try {
          await ok("POST", "/admin/fission/compliance", admin(), { blind_box_daily_spend_limit: 42 })
          const t = await template()
          const { box } = await initiate(t.id, 341, "limit") // the initiation's 30 counts: 12 left for the initiator, others have 42
          const limited = await player(342, 100, "limit")
          await ok("POST", "/admin/fission/compliance", admin(), { blind_box_daily_spend_limit: 12 })
          const rs = await Promise.all(Array.from({ length: 10 }, () => request("POST", `/store/fission/blind-boxes/${box.id}/opens`, limited.headers, {})))
          const opened = rs.filter((r) => r.status === 200 || r.status === 201)
          const refused = rs.filter((r) => !(r.status === 200 || r.status === 201))
          assert.equal(opened.length, 2, JSON.stringify(rs.map((r) => [r.status, r.data?.message])))
          assert.ok(refused.every((r) => r.status === 400 && /daily blind-box spend limit/.test(r.data.message)), JSON.stringify(refused.map((r) => r.data?.message)))
          assert.equal(await credit(limited), 90)
        } finally {
          await ok("POST", "/admin/fission/compliance", admin(), { blind_box_daily_spend_limit: was?.blind_box_daily_spend_limit ?? null })
        }
      },
    },
  ]
}

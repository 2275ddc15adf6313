// The single-process race tests, across processes: every request of a race is fired at
// once, alternating between the two servers, and the outcome must be exactly the one
// the single-process spec asserts (named next to each check).
import assert from "node:assert/strict"

const count = (rs, pred) => rs.filter(pred).length

export function concurrencyChecks({ client, store }) {
  const { request, ok, shopper } = client
  const admin = () => store.adminHeaders
  const S = (i) => ({ ...store.shoppers[i], headers: shopper(store.shoppers[i].token) })
  const balance = async (who, asset) =>
    (await ok("GET", "/store/fission/wallet", who.headers)).wallet.balances.find((b) => b.asset === asset) ?? { posted: 0, available: 0, pending_out: 0 }
  const adjust = (who, asset, amount) =>
    ok("POST", "/admin/fission/ledger/adjustments", admin(), {
      customer_id: who.customer_id,
      asset,
      ...(asset === "commission" ? { currency_code: "cny" } : {}),
      amount,
      reason: "cluster test",
      idempotency_key: `cluster:${asset}:${who.customer_id}:${amount}`,
    })
  const reconciled = async () => assert.equal((await ok("GET", "/admin/fission/ledger/reconciliation", admin())).reconciliation.ok, true)

  return [
    {
      name: "check-in: 8 concurrent check-ins of one shopper on one day → exactly one (membership.spec.ts)",
      run: async () => {
        const who = S(25)
        const rs = await Promise.all(Array.from({ length: 8 }, () => request("POST", "/store/fission/check-ins", who.headers, {})))
        assert.equal(count(rs, (r) => r.status === 201), 1, JSON.stringify(rs.map((r) => r.status)))
        assert.equal(count(rs, (r) => r.status === 422 && /Already checked in on \d{4}-\d\d-\d\d/.test(r.data.message)), 7)
        assert.equal((await balance(who, "points")).available, rs.find((r) => r.status === 201).data.check_in.points)
        await reconciled()
      },
    },
    {
      name: "points mall: 50 concurrent redemptions of an item with stock 10 → exactly 10 (membership-points-mall.spec.ts)",
      run: async () => {
        const { promotion } = await ok("POST", "/admin/promotions", admin(), {
          code: "CLUSTER10",
          type: "standard",
          status: "draft",
          application_method: { type: "fixed", target_type: "order", allocation: "across", value: 10, currency_code: "cny" },
        })
        const { item } = await ok("POST", "/admin/fission/points-mall/items", admin(), {
          title: "item",
          kind: "coupon",
          points_cost: 50,
          template_promotion_id: promotion.id,
          stock: 10,
        })
        const racers = Array.from({ length: 50 }, (_, i) => S(30 + i))
        for (const s of racers) await adjust(s, "points", 100)
        const rs = await Promise.all(racers.map((s) => request("POST", `/store/fission/points-mall/${item.id}/redeem`, s.headers, {})))
        assert.equal(count(rs, (r) => r.status === 201), 10, JSON.stringify(rs.map((r) => r.status)))
        assert.equal(count(rs, (r) => r.status === 400 && r.data.code === "out_of_stock"), 40)
        const after = (await ok("GET", `/admin/fission/points-mall/items/${item.id}`, admin())).item
        assert.deepEqual([after.stock, after.redeemed_count], [0, 10])
        const balances = await Promise.all(racers.map((s) => balance(s, "points")))
        assert.equal(count(balances, (b) => b.available === 50), 10)
        assert.equal(count(balances, (b) => b.available === 100), 40)
        assert.equal(new Set(rs.filter((r) => r.status === 201).map((r) => r.data.redemption.code)).size, 10)
        await reconciled()
      },
    },
    {
      name: "conversions: 12 parallel first-time conversions of 10 against 100 → exactly 10, one loyalty account (core-store-credit.spec.ts)",
      run: async () => {
        const who = S(27)
        await adjust(who, "commission", "100")
        const rs = await Promise.all(Array.from({ length: 12 }, () => request("POST", "/store/fission/commissions/convert", who.headers, { amount: 10 })))
        assert.equal(count(rs, (r) => r.status === 200), 10, JSON.stringify(rs.map((r) => [r.status, r.data.message])))
        assert.equal(count(rs, (r) => r.status === 400 && r.data.message === "Insufficient commission balance"), 2)
        assert.equal(new Set(rs.filter((r) => r.status === 200).map((r) => r.data.conversion.posting_id)).size, 10)
        const wallet = (await ok("GET", "/store/fission/wallet", who.headers)).wallet
        assert.deepEqual(wallet.store_credit.map((a) => Number(a.balance)), [100])
        assert.equal((await balance(who, "commission")).available, 0)
        await reconciled()
      },
    },
    {
      name: "withdrawals: 20 parallel requests of 10 against 100 → exactly 10 held (distribution-withdrawals.spec.ts)",
      run: async () => {
        const who = S(28)
        await adjust(who, "commission", "100")
        const rs = await Promise.all(Array.from({ length: 20 }, () => request("POST", "/store/fission/withdrawals", who.headers, { amount: 10, method: "manual" })))
        assert.equal(count(rs, (r) => r.status === 200), 10, JSON.stringify(rs.map((r) => [r.status, r.data.message])))
        assert.equal(count(rs, (r) => r.status === 400 && /Insufficient commission balance/.test(r.data.message)), 10)
        const c = await balance(who, "commission")
        assert.deepEqual([Number(c.posted), Number(c.available), Number(c.pending_out)], [100, 0, 100])
        assert.equal((await ok("GET", "/store/fission/withdrawals", who.headers)).count, 10)
        await reconciled()
      },
    },
    {
      name: "a withdrawal racing a conversion, 60 + 60 against 100, on different servers → exactly one (distribution-withdrawals.spec.ts)",
      run: async () => {
        const who = S(26)
        await adjust(who, "commission", "100")
        const [w, c] = await Promise.all([
          request("POST", "/store/fission/withdrawals", who.headers, { amount: 60, method: "manual" }),
          request("POST", "/store/fission/commissions/convert", who.headers, { amount: 60 }),
        ])
        assert.notEqual(w.server, c.server)
        assert.deepEqual([w.status, c.status].sort(), [200, 400], JSON.stringify([w.data, c.data]))
        assert.match((w.status === 200 ? c : w).data.message, /Insufficient commission balance/)
        const b = await balance(who, "commission")
        assert.equal(Number(b.available), 40)
        const credit = (await ok("GET", "/store/fission/wallet", who.headers)).wallet.store_credit
        if (c.status === 200) {
          assert.deepEqual([Number(b.posted), Number(b.pending_out)], [40, 0])
          assert.deepEqual(credit.map((a) => Number(a.balance)), [60])
        } else {
          assert.deepEqual([Number(b.posted), Number(b.pending_out)], [100, 60])
          assert.deepEqual(credit, [])
        }
        await reconciled()
      },
    },
  ]
}

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { execFile } from "node:child_process"
import { promisify } from "node:util"
import path from "node:path"
import { loginShopper } from "../helpers/actors"
import { captureOrder, SHIPPING_ADDRESS } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runJob, runWorkflow } from "../helpers/workflows"

jest.setTimeout(600_000)

const VERIFY = path.join(__dirname, "../../plugins/core/bin/fission-verify.js")

/**
 * @fission/blind-box end to end through the Store and Admin APIs (SPEC §7): a template with the
 * seed numbers, an initiator funded by a real wallet top-up checkout and the seed-user gift, a
 * referral tree (referrer + team leader), openers driving the campaign to its committed position
 * (read from the public state, never from the seed), exact balances, the claim, the verifier.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const shopper = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const storeCredit = () => getContainer().resolve("store_credit") as any
    const fail = (p: Promise<any>) => p.then((r) => r, (e: any) => e.response)

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    const credit = async (who: any) => {
      const [account] = await storeCredit().listStoreCreditAccounts({ customer_id: who.customer.id, currency_code: "cny" })
      return account ? Number(account.balance) : 0
    }
    const fund = async (who: any, amount: number) => {
      let [account] = await storeCredit().listStoreCreditAccounts({ customer_id: who.customer.id, currency_code: "cny" })
      if (!account) [account] = await storeCredit().createStoreCreditAccounts([{ customer_id: who.customer.id, currency_code: "cny" }])
      await storeCredit().creditAccounts([{ account_id: account.id, amount, reference: "test", reference_id: `fund-${who.customer.id}` }])
    }
    const wallet = async (who: any) => (await api.get("/store/fission/wallet", { headers: who.headers })).data.wallet
    const asset = async (who: any, name: string) => {
      const b = (await wallet(who)).balances.filter((x: any) => x.asset === name)
      return b.reduce((s: number, x: any) => s + Number(x.available), 0)
    }
    const confirmAge = (who: any, body: any = { age: 30 }) =>
      api.post("/store/fission/blind-box-age-confirmation", body, { headers: who.headers })

    const SEED_TEMPLATE = {
      title: "Tea blind box",
      prize_value: 99,
      prize_cost: 20,
      boxes: 24,
      initiation_cash: 30,
      initiation_vouchers: 69,
      open_price: 5,
      initiator_share: 4.5,
      no_win_opens: 6,
      winner_vouchers: 198,
      consolation_vouchers: 99,
      seed_gift_vouchers: 100,
      seed_gift_limit: 1000,
      referrer_reward_initiation: 4,
      leader_reward_initiation: 6,
      referrer_reward_open: 0.5,
      currency_code: "cny",
    }
    const createTemplate = async (over: Record<string, unknown> = {}) => {
      const { data } = await api.post(
        "/admin/fission/blind-box-templates",
        { ...SEED_TEMPLATE, variant_id: store.fixture.products["tea-gift-box"].variant_id, status: "active", ...over },
        admin()
      )
      return data.blind_box_template
    }

    it("initiate with a real top-up and the seed gift, open to the committed position, exact balances, claim once, verify", async () => {
      const template = await createTemplate()
      expect(template.economics).toMatchObject({
        prize_range: { min: 7, max: 24 },
        expected_opens: "15.5",
        initiator_income: { min: "1.5", max: "78" },
        initiator_gross: { min: "31.5", max: "108" },
        platform_margin: { min: "0", max: "0" }, // 30 − 20 − 10
      })
      // validated on save: the open price cap (200)
      const capped = await fail(createTemplate({ open_price: 201, initiator_share: 1 }))
      expect(capped.status).toBe(400)
      expect(capped.data.message).toMatch(/open_price 201 exceeds the blind-box price cap of 200/)

      // referral tree: leader ← referrer ← initiator; opener A is the referrer's too
      const leader = await shopper("leader@bb.test")
      const referrer = await shopper("referrer@bb.test")
      const initiator = await shopper("initiator@bb.test")
      const openers = [await shopper("open-a@bb.test"), await shopper("open-b@bb.test"), await shopper("open-c@bb.test")]
      const codeOf = async (who: any) => (await api.get("/store/fission/referral", { headers: who.headers })).data.referral.code
      await api.post("/store/fission/referral/bind", { code: await codeOf(leader) }, { headers: referrer.headers })
      await api.post("/store/fission/referral/bind", { code: await codeOf(referrer) }, { headers: initiator.headers })
      await api.post("/store/fission/referral/bind", { code: await codeOf(referrer) }, { headers: openers[0].headers })
      const { rank } = (await api.post("/admin/fission/ranks", { name: "Team leader", position: 1, is_leader: true }, admin())).data
      const { distribution } = (await api.get(`/admin/fission/customers/${leader.customer.id}/distribution`, admin())).data
      await api.post(`/admin/fission/promoters/${distribution.promoter.id}/rank`, { rank_id: rank.id }, admin())

      // the seed-user gift: 100 vouchers on registration (customer.created)
      await waitFor(() => asset(initiator, "voucher"), (v) => v === 100)

      // public disclosure before paying
      const { data: listed } = await api.get("/store/fission/blind-box-templates", { headers: { "x-publishable-api-key": store.fixture.publishable_key } })
      expect(listed.blind_box_templates[0]).toMatchObject({
        prize: { value: 99 },
        boxes: 24,
        no_win_opens: 6,
        open_price: 5,
        initiation: { cash: 30, vouchers: 69 },
        odds: { prize_range: { min: 7, max: 24 }, each_position: { numerator: 1, denominator: 18 } },
      })

      // no age confirmation yet → refused, nothing charged
      const noAge = await fail(api.post("/store/fission/blind-boxes", { template_id: template.id }, { headers: initiator.headers }))
      expect(noAge.status).toBe(400)
      expect(noAge.data.message).toMatch(/confirm your age/)
      const young = await fail(confirmAge(initiator, { age: 12 }))
      expect(young.status).toBe(400)
      expect(young.data.message).toMatch(/guardian_consent is required below the age of 18/)
      await confirmAge(initiator)

      // not enough cash: refused, the vouchers are given back
      const broke = await fail(api.post("/store/fission/blind-boxes", { template_id: template.id }, { headers: initiator.headers }))
      expect(broke.status).toBe(400)
      expect(broke.data.message).toMatch(/insufficient store credit/)
      expect(await asset(initiator, "voucher")).toBe(100)

      // top up 50 through a normal checkout, paid by the admin's capture
      const { data: cartData } = await api.post("/store/carts", { region_id: store.fixture.region_id }, { headers: initiator.headers })
      await api.post("/store/fission/wallet/top-ups", { cart_id: cartData.cart.id, amount: 50 }, { headers: initiator.headers })
      const { data: pc } = await api.post("/store/payment-collections", { cart_id: cartData.cart.id }, { headers: initiator.headers })
      await api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers: initiator.headers })
      const done = (await api.post(`/store/carts/${cartData.cart.id}/complete`, {}, { headers: initiator.headers })).data
      expect(done.type).toBe("order")
      await captureOrder(api, store.adminHeaders, done.order.id)
      await waitFor(() => credit(initiator), (b) => b === 50)

      const { data: started } = await api.post(
        "/store/fission/blind-boxes",
        { template_id: template.id, client_seed: "initiator-seed-42", idempotency_key: "first-box" },
        { headers: initiator.headers }
      )
      const box = started.blind_box
      expect(box).toMatchObject({ status: "open", opens_count: 0, prize_position: null, winning_open: null })
      expect(box.commitment).toMatch(/^[0-9a-f]{64}$/)
      expect(box.draw).toMatchObject({ status: "committed", commitment: box.commitment, seed: null })
      expect(await credit(initiator)).toBe(20)
      expect(await asset(initiator, "voucher")).toBe(31)
      // the same key again: the same box, nothing charged twice
      const again = await api.post("/store/fission/blind-boxes", { template_id: template.id, idempotency_key: "first-box" }, { headers: initiator.headers })
      expect(again.status).toBe(200)
      expect(again.data.blind_box.id).toBe(box.id)
      expect(await credit(initiator)).toBe(20)
      // the template's terms are frozen now
      const frozen = await fail(api.post(`/admin/fission/blind-box-templates/${template.id}`, { open_price: 6 }, admin()))
      expect(frozen.status).toBe(400)
      expect(frozen.data.message).toMatch(/open_price cannot change/)

      // referral rewards of the initiation: 4 to the direct referrer, 6 to the team leader
      await waitFor(() => asset(referrer, "commission"), (v) => v === 4)
      expect(await asset(leader, "commission")).toBe(6)

      // an admin account can't play
      const { headers: adminShopperHeaders } = await shopper("staff@bb.test")
      await getContainer().resolve(Modules.USER).createUsers([{ email: "staff@bb.test" }])
      const adminPlay = await fail(api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: adminShopperHeaders }))
      expect(adminPlay.status).toBe(400)
      expect(adminPlay.data.message).toMatch(/Admin accounts cannot join/)

      for (const o of openers) {
        await confirmAge(o)
        await fund(o, 200)
      }
      // open round-robin until the public state says won
      const opensBy = new Map<string, number>()
      let state = box
      let n = 0
      while (state.status === "open") {
        const who = openers[n % openers.length]
        const { data } = await api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: who.headers })
        n++
        expect(data.open.number).toBe(n)
        opensBy.set(who.customer.id, (opensBy.get(who.customer.id) ?? 0) + 1)
        if (n <= 6) expect(data.open.won).toBe(false)
        state = (await api.get(`/store/fission/blind-boxes/${box.id}`, { headers: { "x-publishable-api-key": store.fixture.publishable_key } })).data.blind_box
        expect(state.opens_count).toBe(n)
        if (data.open.won) expect(state.status).toBe("won")
        if (n > 24) throw new Error("more than 24 opens")
      }
      const p = n
      expect(p).toBeGreaterThanOrEqual(7)
      expect(p).toBeLessThanOrEqual(24)
      expect(state).toMatchObject({ winning_open: p, prize_position: p, draw: { status: "drawn", outcome: { position: p } } })
      const winner = openers[(p - 1) % openers.length]

      // nothing opens after the win, nobody is charged
      const before = await credit(openers[0])
      const after = await fail(api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: openers[0].headers }))
      expect(after.status).toBe(400)
      expect(after.data.message).toMatch(/nothing opens after the win/)
      expect(await credit(openers[0])).toBe(before)

      // balances, exactly: initiator 20 + 4.5 × p store credit; openers 200 − 5 × opens, 99 vouchers per losing open
      expect(await credit(initiator)).toBe(20 + 4.5 * p)
      for (const o of openers) {
        const mine = opensBy.get(o.customer.id) ?? 0
        const lost = o === winner ? mine - 1 : mine
        expect(await credit(o)).toBe(200 - 5 * mine)
        expect(await asset(o, "voucher")).toBe(100 + 99 * lost) // + their own seed gift
      }
      // the referrer: 4 for the initiation + 0.5 per open of opener A
      await waitFor(() => asset(referrer, "commission"), (v) => v === 4 + 0.5 * (opensBy.get(openers[0].customer.id) ?? 0))

      // the claim: only the winner, once; vouchers instead of the product
      const loser = openers.find((o) => o !== winner)!
      const notMine = await fail(api.post(`/store/fission/blind-boxes/${box.id}/claim`, { choice: "vouchers" }, { headers: loser.headers }))
      expect(notMine.status).toBe(400)
      const vouchersBefore = await asset(winner, "voucher")
      const { data: claimed } = await api.post(`/store/fission/blind-boxes/${box.id}/claim`, { choice: "vouchers" }, { headers: winner.headers })
      expect(claimed.claim).toMatchObject({ choice: "vouchers", order_id: null })
      expect(await asset(winner, "voucher")).toBe(vouchersBefore + 198)
      const twice = await fail(api.post(`/store/fission/blind-boxes/${box.id}/claim`, { choice: "product", shipping_address: SHIPPING_ADDRESS }, { headers: winner.headers }))
      expect(twice.status).toBe(422)
      expect(twice.data.message).toMatch(/already claimed/)

      // my blind boxes
      const mineList = (await api.get("/store/fission/my/blind-boxes", { headers: winner.headers })).data
      expect(mineList.blind_boxes[0]).toMatchObject({ id: box.id, role: "opener", won_by_me: true, claim: "vouchers" })

      // the draw verifies with fission-verify (the public record)
      const url = `${api.defaults.baseURL}/store/fission/draws/${box.draw_id}`
      // async: the server answering it runs in this process
      const { stdout: out } = await promisify(execFile)(process.execPath, [VERIFY, url, "--key", store.fixture.publishable_key], { encoding: "utf8" })
      expect(out).toMatch(/VALID/)
      expect(out).not.toMatch(/INVALID/)

      // admin: the campaign with its verification, the ledger reconciles
      const { data: adminBox } = await api.get(`/admin/fission/blind-boxes/${box.id}`, admin())
      expect(adminBox.blind_box.verification).toMatchObject({ valid: true })
      expect(adminBox.blind_box.opens).toHaveLength(p)
      const { data: rec } = await api.get("/admin/fission/ledger/reconciliation", admin())
      expect(rec.reconciliation.ok).toBe(true)
    })

    it("a one-box template wins at open 1; the winner claims the product: a zero-price order to their address, fulfilled as usual", async () => {
      // other numbers than SPEC's: 1 box, no no-win window, 12.5 cash, no vouchers, open 3 with 2.75 to the initiator
      const template = await createTemplate({
        boxes: 1, no_win_opens: 0, initiation_cash: 12.5, initiation_vouchers: 0, open_price: 3, initiator_share: 2.75,
        referrer_reward_open: 0, winner_vouchers: null, seed_gift_limit: 0, seed_gift_vouchers: 0,
      })
      expect(template.economics).toMatchObject({ prize_range: { min: 1, max: 1 }, expected_opens: "1", initiator_income: { min: "-9.75", max: "-9.75" } })
      const initiator = await shopper("one-init@bb.test")
      const winner = await shopper("one-win@bb.test")
      for (const who of [initiator, winner]) {
        await confirmAge(who)
        await fund(who, 20)
      }
      const box = (await api.post("/store/fission/blind-boxes", { template_id: template.id }, { headers: initiator.headers })).data.blind_box
      expect(await credit(initiator)).toBe(7.5)
      const { data } = await api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: winner.headers })
      expect(data.open).toMatchObject({ number: 1, won: true })
      expect(await credit(winner)).toBe(17)
      expect(await credit(initiator)).toBe(10.25)
      const noVouchers = await fail(api.post(`/store/fission/blind-boxes/${box.id}/claim`, { choice: "vouchers" }, { headers: winner.headers }))
      expect(noVouchers.status).toBe(400)
      expect(noVouchers.data.message).toMatch(/offers no vouchers/)
      const noAddress = await fail(api.post(`/store/fission/blind-boxes/${box.id}/claim`, { choice: "product" }, { headers: winner.headers }))
      expect(noAddress.status).toBe(400)
      expect(noAddress.data.message).toMatch(/shipping_address is required/)

      const { data: claimed } = await api.post(
        `/store/fission/blind-boxes/${box.id}/claim`,
        { choice: "product", shipping_address: SHIPPING_ADDRESS },
        { headers: winner.headers }
      )
      expect(claimed.claim.choice).toBe("product")
      const orderId = claimed.claim.order_id
      const { data: o } = await api.get(`/admin/orders/${orderId}?fields=*items,*shipping_address,total,customer_id`, admin())
      expect(o.order).toMatchObject({ customer_id: winner.customer.id, total: 0, shipping_address: { city: SHIPPING_ADDRESS.city } })
      expect(o.order.items).toHaveLength(1)
      expect(o.order.items[0]).toMatchObject({ variant_id: store.fixture.products["tea-gift-box"].variant_id, unit_price: 0, quantity: 1 })
      // fulfilled as usual from the stock location
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: o.order.items[0].id, quantity: 1 }], location_id: store.fixture.stock_location_id }, admin())
      const { data: f } = await api.get(`/admin/orders/${orderId}?fields=fulfillments.id,fulfillment_status`, admin())
      expect(f.order.fulfillments).toHaveLength(1)
      expect(f.order.fulfillment_status).toBe("fulfilled")
      // once
      const twice = await fail(api.post(`/store/fission/blind-boxes/${box.id}/claim`, { choice: "product", shipping_address: SHIPPING_ADDRESS }, { headers: winner.headers }))
      expect(twice.status).toBe(422)
    })

    it("the sweep finishes what a crashed open left: a paid reservation is numbered, an unpaid one released", async () => {
      const template = await createTemplate({ seed_gift_limit: 0, seed_gift_vouchers: 0, initiation_vouchers: 0 })
      const initiator = await shopper("sweep-init@bb.test")
      const opener = await shopper("sweep-open@bb.test")
      for (const who of [initiator, opener]) {
        await confirmAge(who)
        await fund(who, 100)
      }
      const box = (await api.post("/store/fission/blind-boxes", { template_id: template.id }, { headers: initiator.headers })).data.blind_box
      const service = getContainer().resolve("fission_blind_box") as any
      const day = new Date().toISOString().slice(0, 10)
      // two opens whose process "died" after the reservation: one after paying, one before
      const { open: paid } = await service.reserveOpen({ campaign_id: box.id, customer_id: opener.customer.id, day, daily_limit_minor: null })
      const { open: unpaid } = await service.reserveOpen({ campaign_id: box.id, customer_id: opener.customer.id, day, daily_limit_minor: null })
      await runWorkflow(getContainer(), "fission-pay-from-wallet", {
        customer_id: opener.customer.id, currency_code: "cny", amount: 5, idempotency_key: `blind_box:${paid.id}:payment`,
        source_type: "blind_box.campaign", source_id: box.id,
      })
      expect(await credit(opener)).toBe(95)
      // not stale yet: nothing happens
      await runJob(getContainer(), "fission-blind-box-sweep", new Date())
      expect((await service.listBlindBoxOpens({ id: paid.id }))[0].status).toBe("reserved")
      // three minutes later
      await runJob(getContainer(), "fission-blind-box-sweep", new Date(Date.now() + 3 * 60_000))
      const [numbered] = await service.listBlindBoxOpens({ id: paid.id })
      const [released] = await service.listBlindBoxOpens({ id: unpaid.id })
      expect(numbered).toMatchObject({ status: "lost", number: 1 })
      expect(released.status).toBe("released")
      const [row] = await service.listBlindBoxCampaigns({ id: box.id })
      expect(row).toMatchObject({ opens_count: 1, opens_reserved: 0 })
      expect(await credit(opener)).toBe(95) // the unpaid one charged nothing
      // the numbered one is settled by the next tick: the initiator's share and the consolation vouchers
      await runJob(getContainer(), "fission-blind-box-sweep", new Date(Date.now() + 4 * 60_000))
      expect((await service.listBlindBoxOpens({ id: paid.id }))[0].settled_at).not.toBeNull()
      expect(await credit(initiator)).toBe(100 - 30 + 4.5)
      expect(await asset(opener, "voucher")).toBe(99)
      // the next open through the API is number 2
      const { data } = await api.post(`/store/fission/blind-boxes/${box.id}/opens`, {}, { headers: opener.headers })
      expect(data.open.number).toBe(2)
    })
  },
})

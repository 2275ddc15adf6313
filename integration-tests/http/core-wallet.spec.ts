import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { payFromWalletWorkflow } from "@fission/core/workflows"
import { loginShopper } from "../helpers/actors"
import { captureOrder, prepareCart } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runWorkflow } from "../helpers/workflows"

jest.setTimeout(300_000)

// Core's wallet payments (pay from loyalty store credit outside a cart) and top-ups through checkout.
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    const shopper = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const storeCredit = () => getContainer().resolve("store_credit") as any

    /** Gives the customer `amount` of store credit, as any earlier credit would. */
    const fund = async (customerId: string, amount: number) => {
      const [account] = await storeCredit().createStoreCreditAccounts([{ customer_id: customerId, currency_code: "cny" }])
      await storeCredit().creditAccounts([{ account_id: account.id, amount, reference: "test", reference_id: "seed" }])
      return account.id as string
    }
    const balance = async (customerId: string) => {
      const [account] = await storeCredit().listStoreCreditAccounts({ customer_id: customerId, currency_code: "cny" })
      return account ? Number(account.balance) : 0
    }
    const transactions = async (accountId: string, reference: string) =>
      storeCredit().listAccountTransactions({ account_id: accountId, reference })

    const pay = (input: Record<string, unknown>) =>
      runWorkflow(getContainer(), "fission-pay-from-wallet", { currency_code: "cny", source_type: "test.box", source_id: "box_1", ...input })
    const refund = (input: Record<string, unknown>) => runWorkflow(getContainer(), "fission-refund-wallet-payment", input)

    it("50 concurrent payments of 1 against a balance of 20: exactly 20 succeed, the balance ends at 0, never below", async () => {
      const { customer } = await shopper("fifty@fission.test")
      const account = await fund(customer.id, 20)
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) => pay({ customer_id: customer.id, amount: 1, idempotency_key: `open-${i}-of-fifty` }))
      )
      const paid = results.filter((r) => r.status === "fulfilled")
      const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
      expect(paid).toHaveLength(20)
      expect(refused).toHaveLength(30)
      expect(refused.every((r) => /insufficient store credit/.test(r.reason.message))).toBe(true)
      expect(await balance(customer.id)).toBe(0)

      const debits = await transactions(account, "fission_wallet_payment")
      expect(debits).toHaveLength(20)
      // replaying the ledger in order never goes below zero
      const all = await storeCredit().listAccountTransactions({ account_id: account }, { order: { created_at: "ASC" } })
      let running = 0
      for (const t of all) {
        running += (t.type === "credit" ? 1 : -1) * Number(t.amount)
        expect(running).toBeGreaterThanOrEqual(0)
      }
      const wallet = getContainer().resolve("fission_wallet") as any
      const payments = await wallet.listWalletPayments({ customer_id: customer.id })
      expect(payments.filter((p: any) => p.status === "succeeded")).toHaveLength(20)
      expect(payments.filter((p: any) => p.status === "failed")).toHaveLength(30)
      expect(new Set(debits.map((d: any) => d.reference_id))).toEqual(
        new Set(payments.filter((p: any) => p.status === "succeeded").map((p: any) => p.id))
      )

      const { data } = await api.get(`/admin/fission/wallet-payments?customer_id=${customer.id}&status=succeeded`, admin())
      expect(data.count).toBe(20)
      expect(data.wallet_payments[0]).toMatchObject({ amount: 1, refunded_amount: 0, status: "succeeded", source_type: "test.box" })
    })

    it("a replayed key pays once, also when the replays race; a reused key for another amount is refused; a crash is resumed", async () => {
      const { customer } = await shopper("replay@fission.test")
      const account = await fund(customer.id, 20)
      const same = { customer_id: customer.id, amount: 3, idempotency_key: "open-once-key-1" }
      const results = await Promise.all(Array.from({ length: 5 }, () => pay(same)))
      expect(new Set(results.map((r: any) => r.wallet_payment.id)).size).toBe(1)
      expect(results.filter((r: any) => !r.replayed)).toHaveLength(1)
      expect(results.every((r: any) => r.wallet_payment.status === "succeeded")).toBe(true)
      expect(await balance(customer.id)).toBe(17)
      await expect(pay({ ...same, amount: 4 })).rejects.toMatchObject({
        type: "duplicate_error",
        message: expect.stringContaining("idempotency_key open-once-key-1 was already used"),
      })
      await expect(pay({ ...same, idempotency_key: "short" })).rejects.toMatchObject({ type: "invalid_data" })
      await expect(pay({ ...same, idempotency_key: "open-bad-amount", amount: 0.001 })).rejects.toMatchObject({ type: "invalid_data" })

      const wallet = getContainer().resolve("fission_wallet") as any
      // crashed after the record, before the debit: the replay debits once
      const { payment: before } = await wallet.recordPayment({
        idempotency_key: "crash-before-debit",
        customer_id: customer.id,
        currency_code: "cny",
        amount: "2",
      })
      const resumed = await pay({ customer_id: customer.id, amount: 2, idempotency_key: "crash-before-debit" })
      expect(resumed).toMatchObject({ replayed: true, wallet_payment: { id: before.id, status: "succeeded" } })
      expect(await balance(customer.id)).toBe(15)

      // crashed after the debit, before the payment was marked: the replay finds the debit, takes nothing more
      const { payment: after } = await wallet.recordPayment({
        idempotency_key: "crash-after-debit",
        customer_id: customer.id,
        currency_code: "cny",
        amount: "5",
      })
      await storeCredit().debitAccounts([
        { account_id: account, amount: 5, reference: "fission_wallet_payment", reference_id: after.id },
      ])
      const finished = await pay({ customer_id: customer.id, amount: 5, idempotency_key: "crash-after-debit" })
      expect(finished.wallet_payment).toMatchObject({ id: after.id, status: "succeeded" })
      expect(await balance(customer.id)).toBe(10)
      expect(await transactions(account, "fission_wallet_payment")).toHaveLength(3)

      // a payment refused for lack of balance took nothing; its key works once the balance covers it
      await expect(pay({ customer_id: customer.id, amount: 25, idempotency_key: "too-much-first" })).rejects.toMatchObject({
        message: expect.stringMatching(/balance of 10.00 CNY does not cover 25/),
      })
      await storeCredit().creditAccounts([{ account_id: account, amount: 20, reference: "test", reference_id: "top" }])
      expect((await pay({ customer_id: customer.id, amount: 25, idempotency_key: "too-much-first" })).wallet_payment.status).toBe("succeeded")
      expect(await balance(customer.id)).toBe(5)
    })

    it("refunds back to store credit, in part and in full, once per key, never more than paid", async () => {
      const { customer } = await shopper("refund@fission.test")
      const account = await fund(customer.id, 30)
      const { wallet_payment: p } = await pay({ customer_id: customer.id, amount: 10, idempotency_key: "open-to-refund" })
      expect(await balance(customer.id)).toBe(20)

      const part = await refund({ wallet_payment_id: p.id, amount: 4, idempotency_key: "refund-part-1" })
      expect(part).toMatchObject({ replayed: false, refund: { amount: "4", status: "succeeded" } })
      expect((await refund({ wallet_payment_id: p.id, amount: 4, idempotency_key: "refund-part-1" })).replayed).toBe(true)
      expect(await balance(customer.id)).toBe(24)

      // three racing refunds of 3 on the 6 left: exactly two
      const racing = await Promise.allSettled(
        [1, 2, 3].map((i) => refund({ wallet_payment_id: p.id, amount: 3, idempotency_key: `refund-race-${i}` }))
      )
      expect(racing.filter((r) => r.status === "fulfilled")).toHaveLength(2)
      const lost = racing.find((r) => r.status === "rejected") as PromiseRejectedResult
      expect(lost.reason.message).toMatch(/has 0 CNY left to refund, 3 was asked/)
      expect(await balance(customer.id)).toBe(30)

      const { wallet_payment: q } = await pay({ customer_id: customer.id, amount: 7.5, idempotency_key: "open-to-refund-2" })
      const full = await refund({ wallet_payment_id: q.id, idempotency_key: "refund-full-2" })
      expect(full.refund.amount).toBe("7.5")
      expect(await balance(customer.id)).toBe(30)
      await expect(refund({ wallet_payment_id: q.id, idempotency_key: "refund-full-3" })).rejects.toMatchObject({ type: "not_allowed" })

      expect(await transactions(account, "fission_wallet_payment_refund")).toHaveLength(4)
      const { data } = await api.get(`/admin/fission/wallet-payments?customer_id=${customer.id}`, admin())
      const listed = data.wallet_payments.find((w: any) => w.id === p.id)
      expect(listed).toMatchObject({ amount: 10, refunded_amount: 10 })
      expect(listed.refunds.map((r: any) => r.amount).sort()).toEqual([3, 3, 4])
    })

    it("a payment made as a step of a workflow that fails later is credited back (compensation), once", async () => {
      const failAfterPay = createStep("test-fail-after-wallet-payment", async () => {
        throw new Error("the blind-box open could not be recorded")
      })
      const payThenFail = createWorkflow("test-pay-then-fail", (input: any) => {
        payFromWalletWorkflow.runAsStep({ input })
        failAfterPay()
        return new WorkflowResponse(undefined)
      })
      const { customer } = await shopper("compensate@fission.test")
      const account = await fund(customer.id, 10)
      const input = { customer_id: customer.id, currency_code: "cny", amount: 6, idempotency_key: "open-that-breaks" }
      const { errors } = await payThenFail(getContainer()).run({ input, throwOnError: false })
      expect(errors[0].error.message).toMatch(/could not be recorded/)
      expect(await balance(customer.id)).toBe(10)
      expect(await transactions(account, "fission_wallet_payment")).toHaveLength(1)
      expect(await transactions(account, "fission_wallet_payment_reversal")).toHaveLength(1)
      const [payment] = await (getContainer().resolve("fission_wallet") as any).listWalletPayments({ idempotency_key: "open-that-breaks" })
      expect(payment.status).toBe("reversed")
      await expect(pay(input)).rejects.toMatchObject({ message: expect.stringMatching(/was reversed; use a new idempotency_key/) })
      expect(await balance(customer.id)).toBe(10)
    })

    const topUpCart = async (who: any, amount: number | string) => {
      const { data } = await api.post("/store/carts", { region_id: store.fixture.region_id }, { headers: who.headers })
      const res = await api.post("/store/fission/wallet/top-ups", { cart_id: data.cart.id, amount }, { headers: who.headers })
      return res.data.cart
    }
    const complete = async (headers: any, cartId: string) => {
      const {
        data: { payment_collection },
      } = await api.post("/store/payment-collections", { cart_id: cartId }, { headers })
      await api.post(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, { headers })
      return (await api.post(`/store/carts/${cartId}/complete`, {}, { headers }).catch((e: any) => e.response)).data
    }

    it("a top-up bought through a normal checkout is credited once when the order is paid, even when the paid event comes twice", async () => {
      const who = await shopper("topup@fission.test")
      const cart = await topUpCart(who, 50)
      const line = cart.items.find((i: any) => i.metadata?.fission_wallet_top_up)
      expect(line).toMatchObject({ unit_price: 50, quantity: 1, variant_id: null, metadata: { fission_wallet_top_up: "50" } })
      expect(cart.total).toBe(50)
      const second = await api
        .post("/store/fission/wallet/top-ups", { cart_id: cart.id, amount: 10 }, { headers: who.headers })
        .catch((e: any) => e.response)
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/already has a wallet top-up/)

      const done = await complete(who.headers, cart.id)
      expect(done.type).toBe("order")
      const order = done.order
      await captureOrder(api, store.adminHeaders, order.id)
      expect(await balance(who.customer.id)).toBe(0) // nothing before the order is paid

      // `fission.order.paid` is emitted by core's lifecycle owner; delivered twice at once here
      const bus = getContainer().resolve(Modules.EVENT_BUS)
      const paid = {
        order_id: order.id,
        customer_id: who.customer.id,
        currency_code: "cny",
        lines: [{ id: line.id, product_id: null, variant_id: null, quantity: 1, unit_price: 50, base: 50, metadata: line.metadata }],
      }
      await Promise.all([bus.emit({ name: "fission.order.paid", data: paid }), bus.emit({ name: "fission.order.paid", data: { order_id: order.id } })])
      await waitFor(() => balance(who.customer.id), (b) => b === 50)
      await bus.emit({ name: "fission.order.paid", data: paid })
      const wallet = getContainer().resolve("fission_wallet") as any
      await waitFor(() => wallet.listWalletTopUps({ order_id: order.id }), (t: any[]) => t.length === 1 && t[0].status === "credited")
      const [account] = await storeCredit().listStoreCreditAccounts({ customer_id: who.customer.id, currency_code: "cny" })
      expect(await transactions(account.id, "fission_wallet_top_up")).toHaveLength(1)
      expect(await balance(who.customer.id)).toBe(50)

      // then spent from the wallet
      expect((await pay({ customer_id: who.customer.id, amount: 50, idempotency_key: "spend-the-top-up" })).wallet_payment.status).toBe(
        "succeeded"
      )
      expect(await balance(who.customer.id)).toBe(0)
    })

    it("refuses tampered top-up lines, bad amounts, guest and other customers' carts", async () => {
      const who = await shopper("tamper@fission.test")
      const other = await shopper("other@fission.test")

      // top-up metadata on a product line
      const tea = store.fixture.products["tea-gift-box"]
      const cartId = await prepareCart(api, who.headers, store.fixture, [
        { variant_id: tea.variant_id, quantity: 1, metadata: { fission_wallet_top_up: "500" } },
      ])
      const tampered = await api.post(`/store/carts/${cartId}/complete`, {}, { headers: who.headers }).catch((e: any) => e.response)
      expect(tampered.status).toBe(400)
      expect(tampered.data.message).toMatch(/product line carrying wallet top-up metadata/)

      // the amount in the metadata changed after the line was added
      const cart = await topUpCart(who, 20)
      const line = cart.items[0]
      await api.post(
        `/store/carts/${cart.id}/line-items/${line.id}`,
        { quantity: 1, metadata: { fission_wallet_top_up: "2000" } },
        { headers: who.headers }
      )
      const changed = await complete(who.headers, cart.id)
      expect(changed.type).not.toBe("order")
      expect(JSON.stringify(changed)).toMatch(/costs 20 but credits 2000/)

      // a quantity change
      const cart2 = await topUpCart(who, 20)
      await api.post(`/store/carts/${cart2.id}/line-items/${cart2.items[0].id}`, { quantity: 3 }, { headers: who.headers })
      expect(JSON.stringify(await complete(who.headers, cart2.id))).toMatch(/quantity 1/)

      // a guest cart: the route needs a login and the customer's own cart; a line slipped in anyway is refused at completion
      const { data: guest } = await api.post("/store/carts", { region_id: store.fixture.region_id, email: "guest@fission.test" }, { headers: store.storeHeaders })
      const anonymous = await api.post("/store/fission/wallet/top-ups", { cart_id: guest.cart.id, amount: 5 }, { headers: store.storeHeaders }).catch((e: any) => e.response)
      expect(anonymous.status).toBe(401)
      const notMine = await api.post("/store/fission/wallet/top-ups", { cart_id: guest.cart.id, amount: 5 }, { headers: who.headers }).catch((e: any) => e.response)
      expect(notMine.status).toBe(404)
      const othersCart = await topUpCart(other, 5)
      const stolen = await api.post("/store/fission/wallet/top-ups", { cart_id: othersCart.id, amount: 5 }, { headers: who.headers }).catch((e: any) => e.response)
      expect(stolen.status).toBe(404)
      await runWorkflow(getContainer(), "add-to-cart", {
        cart_id: guest.cart.id,
        items: [{ title: "Wallet top-up", quantity: 1, unit_price: 5, requires_shipping: false, is_discountable: false, metadata: { fission_wallet_top_up: "5" } }],
      })
      expect(JSON.stringify(await complete(store.storeHeaders, guest.cart.id))).toMatch(/guest cart/)

      for (const amount of [0, -1, 1e12, "abc", 0.001, "1e3"]) {
        const res = await api.post("/store/fission/wallet/top-ups", { cart_id: cart2.id, amount }, { headers: who.headers }).catch((e: any) => e.response)
        expect(res.status).toBe(400)
      }
      const nul = await api.post("/store/fission/wallet/top-ups", { cart_id: "cart_\u0000", amount: 5 }, { headers: who.headers }).catch((e: any) => e.response)
      expect(nul.status).toBe(400)
      expect(await balance(who.customer.id)).toBe(0)
    })
  },
})

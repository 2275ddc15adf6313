import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
// the source copy of core: the directory lives on a globalThis symbol, so it is the one the app's build registered with
import { referralDirectory } from "../../plugins/core/src/utils/referral-directory"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder, refundOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"

jest.setTimeout(180_000)

const HOUR = 3_600_000

/**
 * Core's referral directory in the running app, answered by @fission/distribution:
 * bindings made through the Store API, orders paid and refunded through Medusa,
 * leader ranks set through the admin API — and the answers other plugins get.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })
    const directory = () => referralDirectory(getContainer())!
    const shopper = (email: string) => loginShopper(getContainer(), api, store.fixture.publishable_key, email)
    const codeOf = async (who: any) => (await api.get("/store/fission/referral", { headers: who.headers })).data.referral.code
    const bindTo = async (who: any, referrer: any) =>
      api.post("/store/fission/referral/bind", { code: await codeOf(referrer) }, { headers: who.headers })
    const buy = async (who: any, product: string) => {
      const order = await placeOrder(api, who.headers, store.fixture, [{ variant_id: store.fixture.products[product].variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)
      return order
    }

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("answers through the app: referrer, ancestors, team counts, active members per level (net of refunds) and the team leader", async () => {
      // A ← B ← C ← D, bound through POST /store/fission/referral/bind
      const [A, B, C, D] = await Promise.all(["a", "b", "c", "d"].map((n) => shopper(`${n}@fission.test`)))
      await bindTo(B, A)
      await bindTo(C, B)
      await bindTo(D, C)
      const [a, b, c, d] = [A, B, C, D].map((s) => s.customer.id)

      expect(directory()).not.toBeNull()
      expect(await directory().referrerOf(d)).toBe(c)
      expect(await directory().referrerOf(a)).toBeNull()
      expect(await directory().ancestors(d, 3)).toEqual([
        { customer_id: c, depth: 1 },
        { customer_id: b, depth: 2 },
        { customer_id: a, depth: 3 },
      ])
      expect(await directory().teamCounts(a, 3)).toEqual([1, 1, 1])
      expect(await directory().teamCounts(c, 3)).toEqual([1, 0, 0])

      // B and D buy the 899 package, C a 99 tea box; all captured (paid)
      const bOrder = await buy(B, "package-899")
      await buy(C, "tea-gift-box")
      await buy(D, "package-899")
      const period = { from: new Date(Date.now() - HOUR), to: new Date(Date.now() + HOUR), depth: 3 }
      const activeAt = (min_spend: number) => directory().activeMembersPerLevel([a, b, c], { ...period, min_spend })
      // distribution records the payments after the captures answered: at 99 every buyer is active once all three are in
      await waitFor(() => activeAt(99), (r) => r[a].join() === "1,1,1")
      expect(await activeAt(899)).toEqual({
        [a]: [1, 0, 1], // B | C spent 99 | D
        [b]: [0, 1, 0], // C | D
        [c]: [1, 0, 0], // D
      })

      // refunding 100 of B's order takes B's merchandise to 799: below the level, no longer active
      await refundOrder(api, store.adminHeaders, bOrder.id, 100)
      expect(await waitFor(() => activeAt(899), (r) => r[a][0] === 0)).toEqual({ [a]: [0, 0, 1], [b]: [0, 1, 0], [c]: [1, 0, 0] })

      // no leader yet; then B gets a leader rank through the admin API
      expect(await directory().teamLeaderOf(d, 2)).toBeNull()
      const { rank } = (await api.post("/admin/fission/ranks", { name: "Team leader", position: 1, is_leader: true }, admin())).data
      const { distribution } = (await api.get(`/admin/fission/customers/${b}/distribution`, admin())).data
      await api.post(`/admin/fission/promoters/${distribution.promoter.id}/rank`, { rank_id: rank.id }, admin())
      expect(await directory().teamLeaderOf(d, 2)).toEqual({ customer_id: b, depth: 2, rank_id: rank.id })
      expect(await directory().teamLeaderOf(d, 1)).toBeNull() // C is no leader
      expect(await directory().teamLeaderOf(c, 2)).toEqual({ customer_id: b, depth: 1, rank_id: rank.id })
    })
  },
})

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { loginShopper } from "../helpers/actors"
import { setupStore, StoreSetup } from "../helpers/setup"

jest.setTimeout(120_000)

const fail = (p: Promise<any>) => p.then(() => Promise.reject(new Error("expected a 4xx")), (e: any) => e.response)

/**
 * The Growth overview's routes: core's `GET /admin/fission/growth` (installed plugins and
 * the ledger's movements of today and the last 30 days) and each feature plugin's own
 * `GET /admin/fission/<plugin>/summary`.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("lists the installed plugins and sums today's and the 30 days' ledger movements by asset and kind", async () => {
      const alice = await loginShopper(getContainer(), api, store.fixture.publishable_key, "alice@fission.test")
      const adjust = (amount: number, key: string) =>
        api.post(
          "/admin/fission/ledger/adjustments",
          { customer_id: alice.customer.id, asset: "points", amount, reason: "growth test", idempotency_key: key },
          admin()
        )
      await adjust(500, "growth-test-0001")
      await adjust(-120, "growth-test-0002")

      const { data } = await api.get("/admin/fission/growth?time_zone=Asia/Shanghai", admin())
      expect(data.growth.time_zone).toBe("Asia/Shanghai")
      expect(data.growth.installed.sort()).toEqual(["blind_box", "distribution", "group_draw", "membership", "presale", "rebates"])
      for (const window of [data.growth.today, data.growth.last_30_days]) {
        const points = window.movements.filter((m: any) => m.asset === "points")
        expect(points).toEqual(
          expect.arrayContaining([
            { asset: "points", currency_code: null, kind: "earned", total: "500", count: 1 },
            { asset: "points", currency_code: null, kind: "spent", total: "120", count: 1 },
          ])
        )
      }
      // today starts at local midnight, the 30 days 29 local days before
      const from = new Date(data.growth.last_30_days.from).getTime()
      expect(new Date(data.growth.today.from).getTime() - from).toBe(29 * 86_400_000)
      expect(new Date(data.growth.today.from).toLocaleTimeString("en-GB", { timeZone: "Asia/Shanghai" })).toBe("00:00:00")
    })

    it("refuses a bad time zone, unknown parameters and anonymous callers", async () => {
      const tz = await fail(api.get("/admin/fission/growth?time_zone=Mars/Olympus", admin()))
      expect(tz.status).toBe(400)
      expect(tz.data.message).toMatch(/time_zone/)
      expect((await fail(api.get("/admin/fission/growth?days=7", admin()))).status).toBe(400)
      expect((await fail(api.get("/admin/fission/growth"))).status).toBe(401)
      expect((await fail(api.get("/admin/fission/presale/summary?x=1", admin()))).status).toBe(400)
      expect((await fail(api.get("/admin/fission/distribution/summary"))).status).toBe(401)
    })

    it("answers every plugin's summary", async () => {
      const get = async (path: string) => (await api.get(`/admin/fission/${path}/summary`, admin())).data.summary
      expect(await get("distribution")).toEqual({
        commissions: [],
        last_30_days: [],
        withdrawals: { requested: { count: 0, amount: 0 }, approved: { count: 0, amount: 0 } },
      })
      expect(await get("group-draw")).toEqual({ active_campaigns: 0, open_groups: 0, last_30_days: { opened: 0, completed: 0, failed: 0 } })
      expect(await get("presale")).toEqual({ by_status: { draft: 0, active: 0, closed: 0, failed: 0, canceled: 0 } })
      expect(await get("blind-box")).toEqual({ by_status: { initiating: 0, open: 0, won: 0, failed: 0 }, opens_last_30_days: 0 })
      expect(await get("membership")).toMatchObject({ members: expect.any(Number), active_tasks: expect.any(Number), active_mall_items: 0 })
      expect(await get("rebates")).toMatchObject({ month: expect.stringMatching(/^\d{4}-\d{2}$/), gmv: 0, pool_amount: 0, run: null })
    })
  },
})

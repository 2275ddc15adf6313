import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import seedDemoStore, { DEMO_CUSTOMERS, DEMO_PASSWORD } from "../../src/scripts/seed"
import { loginAdmin } from "../helpers/actors"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("seeds every plugin's demo data once; a second run changes nothing", async () => {
      const container = getContainer()
      await seedDemoStore({ container, args: [] } as any)
      await seedDemoStore({ container, args: [] } as any)

      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      const store = { "x-publishable-api-key": key.token }
      const { headers: admin } = await loginAdmin(container, api)

      const { data: shopper } = await api.post("/auth/customer/emailpass", { email: DEMO_CUSTOMERS[2].email, password: DEMO_PASSWORD })
      const carol = { ...store, authorization: `Bearer ${shopper.token}` }
      const { data: tree } = await api.get("/store/fission/referral", { headers: carol })
      expect(tree.referral.referrer).not.toBeNull()

      const { data: draws } = await api.get("/store/fission/group-draws", { headers: store })
      expect(draws.group_draws.map((c: any) => [c.title, c.group_size, c.winners]).sort()).toEqual([
        ["Navel oranges: 5 buy, 2 win", 5, 2],
        ["Tea gift box red-envelope group", 3, 1],
      ])

      const { data: presales } = await api.get("/store/fission/presales", { headers: store })
      expect(presales.presales.map((p: any) => [p.base_price, p.step_amount, p.step_interval, p.max_steps, p.free_interval, p.current_price])).toEqual([
        [100, 5, 200, 10, 25, 100],
      ])
      expect(presales.presales[0].chain_head).toMatch(/^[0-9a-f]{64}$/)

      const { data: levels } = await api.get("/admin/fission/membership/levels", { headers: admin })
      expect(levels.levels.map((l: any) => [l.name, l.growth_threshold])).toEqual([
        ["Member", 0],
        ["Silver", 1000],
        ["Gold", 5000],
      ])
      expect(levels.levels[1].customer_group_id).toBeTruthy()

      const { data: tasks } = await api.get("/admin/fission/membership/tasks", { headers: admin })
      expect(tasks.count).toBe(7)

      const { data: mall } = await api.get("/store/fission/points-mall", { headers: carol })
      expect(mall.items.map((i: any) => [i.kind, i.points_cost]).sort()).toEqual([
        ["coupon", 800],
        ["product", 500],
        ["store_credit", 1000],
      ])

      // the SPEC §7 blind box, and the demo shoppers' seed-user gift (once, though seeded twice)
      const { data: boxes } = await api.get("/store/fission/blind-box-templates", { headers: store })
      expect(boxes.blind_box_templates.map((t: any) => [t.boxes, t.no_win_opens, t.open_price, t.initiation.cash, t.initiation.vouchers])).toEqual([
        [24, 6, 5, 30, 69],
      ])
      const { data: wallet } = await api.get("/store/fission/wallet", { headers: carol })
      expect(wallet.wallet.balances.find((b: any) => b.asset === "voucher").available).toBe(100)
      // rebates: the five §3.1 levels, and the demo tree's month makes a real pool in the close preview
      const { data: rebateLevels } = await api.get("/admin/fission/rebates/levels", { headers: admin })
      expect(rebateLevels.levels.map((l: any) => [l.min_consumption, l.dividend_points])).toEqual([
        [899, 3596],
        [1798, 7192],
        [3596, 14384],
        [7192, 28768],
        [14384, 57536],
      ])
      const { data: rebateStatus } = await api.get("/store/fission/rebates/status", { headers: carol })
      const { data: preview } = await api.get(`/admin/fission/rebates/month-close/preview?month=${rebateStatus.status.month}`, { headers: admin })
      expect(preview.preview).toMatchObject({ gmv: 3695, pool_amount: 110.85, holders: 3, total_points: "10788", paid_total: 110.85 })
    })
  },
})

// The app as a store without @fission/distribution installed (medusa-config.ts leaves the
// plugins named here out). Set before the runner loads the config; restored after the file.
const previous = process.env.FISSION_DISABLE_PLUGINS
process.env.FISSION_DISABLE_PLUGINS = "distribution"

import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { referralDirectory, referralDirectoryProvider } from "../../plugins/core/src/utils/referral-directory"
import { loginShopper } from "../helpers/actors"
import { captureOrder, placeOrder } from "../helpers/checkout"
import { setupStore, StoreSetup } from "../helpers/setup"
import { waitFor } from "../helpers/wait"
import { runWorkflow } from "../helpers/workflows"

jest.setTimeout(180_000)

/**
 * Without distribution there is no referral tree: core's directory is null and the
 * features that need it are off, while everything else keeps working — here
 * membership's tasks: a paid order still completes the buyer's first-purchase task,
 * and the invite-purchase task (which asks the directory for the buyer's referrer)
 * completes for nobody instead of failing.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })
    afterAll(() => {
      if (previous === undefined) delete process.env.FISSION_DISABLE_PLUGINS
      else process.env.FISSION_DISABLE_PLUGINS = previous
    })

    it("has no directory, no distribution routes or tables", async () => {
      expect(referralDirectoryProvider()).toBeNull()
      expect(referralDirectory(getContainer())).toBeNull()
      const shopper = await loginShopper(getContainer(), api, store.fixture.publishable_key, "solo@fission.test")
      const missing = await api.get("/store/fission/referral", { headers: shopper.headers }).catch((e: any) => e.response)
      expect(missing.status).toBe(404)
      const pg: any = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(`SELECT to_regclass('referral') IS NOT NULL AS present`)
      expect(rows[0].present).toBe(false)
    })

    it("leaves distribution out of the Growth overview (its summary route is not there)", async () => {
      const { data } = await api.get("/admin/fission/growth", { headers: store.adminHeaders })
      expect(data.growth.installed).not.toContain("distribution")
      expect(data.growth.installed).toContain("membership")
      const summary = await api.get("/admin/fission/distribution/summary", { headers: store.adminHeaders }).catch((e: any) => e.response)
      expect(summary.status).toBe(404)
    })

    it("membership's invite-purchase task completes for nobody, the buyer's own task still completes", async () => {
      const task = async (body: Record<string, unknown>) =>
        (await api.post("/admin/fission/membership/tasks", { title: String(body.kind), ...body }, admin())).data.task
      // tasks run in position order: once the first-purchase task is recorded, invite purchase was decided
      const invite = await task({ kind: "invite_purchase", repeat_rule: "unlimited", reward_points: 50, position: 0 })
      const first = await task({ kind: "first_purchase_within_days", params: { days: 7 }, reward_points: 10, position: 1 })
      const completions = async (task_id: string) =>
        (await api.get(`/admin/fission/membership/task-completions?task_id=${task_id}`, admin())).data.completions

      const buyer = await loginShopper(getContainer(), api, store.fixture.publishable_key, "buyer@fission.test")
      const tea = store.fixture.products["tea-gift-box"]
      const order = await placeOrder(api, buyer.headers, store.fixture, [{ variant_id: tea.variant_id, quantity: 1 }])
      await captureOrder(api, store.adminHeaders, order.id)

      await waitFor(() => completions(first.id), (c) => c.length === 1)
      expect((await completions(first.id))[0]).toMatchObject({ customer_id: buyer.customer.id, cause_id: order.id, points: 10 })
      expect(await completions(invite.id)).toEqual([])
      // run again to the end, as a redelivered capture would: only the buyer's task, reported as already counted
      const replay = await runWorkflow(getContainer(), "fission-membership-apply-task-event", { event: "order_paid", order_id: order.id })
      expect(replay.map((r: any) => [r.task_id, r.outcome])).toEqual([[first.id, "duplicate"]])
      expect(await completions(invite.id)).toEqual([])
    })
  },
})

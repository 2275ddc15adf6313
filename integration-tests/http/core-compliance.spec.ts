import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createStep, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateComplianceSettingsStep } from "../../plugins/core/src/workflows/compliance"
import { setupStore, StoreSetup } from "../helpers/setup"

jest.setTimeout(120_000)

// SPEC §0.6 defaults.
const DEFAULTS = {
  max_commission_levels: 2,
  max_team_condition_depth: 3,
  lottery_prize_cap: 50000,
  blind_box_price_cap: 200,
  blind_box_min_age: 8,
  guardian_consent_below_age: 18,
  blind_box_daily_spend_limit: null,
}

// Every bad field gets a 400 whose message names it.
const BAD_INPUT: [string, Record<string, unknown>, string][] = [
  ["3 commission levels", { max_commission_levels: 3 }, "max_commission_levels"],
  ["0 commission levels", { max_commission_levels: 0 }, "max_commission_levels"],
  ["commission levels as text", { max_commission_levels: "two" }, "max_commission_levels"],
  ["team depth 4", { max_team_condition_depth: 4 }, "max_team_condition_depth"],
  ["prize cap above 50,000", { lottery_prize_cap: 50001 }, "lottery_prize_cap"],
  ["prize cap 0", { lottery_prize_cap: 0 }, "lottery_prize_cap"],
  ["prize cap not a number", { lottery_prize_cap: "lots" }, "lottery_prize_cap"],
  ["prize cap boolean", { lottery_prize_cap: true }, "lottery_prize_cap"],
  ["blind-box cap above 200", { blind_box_price_cap: 200.01 }, "blind_box_price_cap"],
  ["blind-box cap negative", { blind_box_price_cap: -1 }, "blind_box_price_cap"],
  ["minimum age 7", { blind_box_min_age: 7 }, "blind_box_min_age"],
  ["minimum age fractional", { blind_box_min_age: 8.5 }, "blind_box_min_age"],
  ["minimum age above consent age", { blind_box_min_age: 19 }, "blind_box_min_age"],
  ["consent age 17", { guardian_consent_below_age: 17 }, "guardian_consent_below_age"],
  ["consent age null", { guardian_consent_below_age: null }, "guardian_consent_below_age"],
  ["daily limit 0", { blind_box_daily_spend_limit: 0 }, "blind_box_daily_spend_limit"],
  ["daily limit as object", { blind_box_daily_spend_limit: { amount: 5 } }, "blind_box_daily_spend_limit"],
  ["a promoter fee", { promoter_fee_allowed: true }, "promoter_fee_allowed"],
  ["an unknown field", { max_levels: 2 }, "max_levels"],
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: StoreSetup
    const admin = () => ({ headers: store.adminHeaders })

    beforeEach(async () => {
      store = await setupStore(getContainer(), api)
    })

    it("GET /admin/fission/compliance returns the SPEC defaults: 2 levels, depth 3, 50,000, 200, age 8, consent below 18", async () => {
      const { status, data } = await api.get("/admin/fission/compliance", admin())
      expect(status).toBe(200)
      expect(data).toEqual({ compliance: DEFAULTS })
    })

    it("requires an admin", async () => {
      const error = await api.get("/admin/fission/compliance").catch((e: any) => e)
      expect(error.response.status).toBe(401)
      const post = await api.post("/admin/fission/compliance", { max_commission_levels: 1 }).catch((e: any) => e)
      expect(post.response.status).toBe(401)
      expect((await api.get("/admin/fission/compliance", admin())).data.compliance.max_commission_levels).toBe(2)
    })

    it("POST saves a partial update within the limits and the store API discloses it", async () => {
      const { status, data } = await api.post(
        "/admin/fission/compliance",
        {
          max_commission_levels: 1,
          max_team_condition_depth: 2,
          lottery_prize_cap: 50000,
          blind_box_price_cap: "99.90",
          blind_box_min_age: 12,
          guardian_consent_below_age: 18,
          blind_box_daily_spend_limit: 500,
        },
        admin()
      )
      expect(status).toBe(200)
      const expected = {
        max_commission_levels: 1,
        max_team_condition_depth: 2,
        lottery_prize_cap: 50000,
        blind_box_price_cap: 99.9,
        blind_box_min_age: 12,
        guardian_consent_below_age: 18,
        blind_box_daily_spend_limit: 500,
      }
      expect(data.compliance).toEqual(expected)
      expect((await api.get("/admin/fission/compliance", admin())).data.compliance).toEqual(expected)

      // Only the fields sent change.
      const { data: again } = await api.post("/admin/fission/compliance", { blind_box_daily_spend_limit: null }, admin())
      expect(again.compliance).toEqual({ ...expected, blind_box_daily_spend_limit: null })

      const { data: pub } = await api.get("/store/fission/compliance", { headers: store.storeHeaders })
      expect(pub).toEqual({
        compliance: {
          max_commission_levels: 1,
          lottery_prize_cap: 50000,
          blind_box_price_cap: 99.9,
          blind_box_min_age: 12,
          guardian_consent_below_age: 18,
          blind_box_daily_spend_limit: null,
        },
      })
    })

    it("explains the 2-level legal cap when asked for 3 commission levels", async () => {
      const error = await api.post("/admin/fission/compliance", { max_commission_levels: 3 }, admin()).catch((e: any) => e)
      expect(error.response.status).toBe(400)
      expect(error.response.data.type).toBe("invalid_data")
      expect(error.response.data.message).toMatch(/^max_commission_levels must be 1 or 2/)
      expect(error.response.data.message).toMatch(/at most 2 levels above the buyer/)
      expect(error.response.data.message).toMatch(/pyramid selling/)
    })

    it("rejects every bad field with a 400 naming it, and changes nothing", async () => {
      // Start from non-default values so "nothing changed" is not "back to defaults".
      await api.post("/admin/fission/compliance", { max_commission_levels: 1, blind_box_price_cap: 150 }, admin())
      const before = (await api.get("/admin/fission/compliance", admin())).data.compliance

      for (const [name, body, field] of BAD_INPUT) {
        // A valid field alongside the bad one must not be saved either.
        const error = await api
          .post("/admin/fission/compliance", { lottery_prize_cap: 1234, ...body }, admin())
          .catch((e: any) => e)
        expect({ name, status: error.response?.status }).toEqual({ name, status: 400 })
        expect(error.response.data.type).toBe("invalid_data")
        expect({ name, message: error.response.data.message }).toEqual({
          name,
          message: expect.stringContaining(field),
        })
      }

      const after = (await api.get("/admin/fission/compliance", admin())).data.compliance
      expect(after).toEqual(before)
      expect(after).toMatchObject({ max_commission_levels: 1, blind_box_price_cap: 150, lottery_prize_cap: 50000 })
    })

    it("GET /store/fission/compliance needs the publishable key and shows the shopper-facing limits", async () => {
      const error = await api.get("/store/fission/compliance").catch((e: any) => e)
      expect(error.response.status).toBe(400)

      const { status, data } = await api.get("/store/fission/compliance", { headers: store.storeHeaders })
      expect(status).toBe(200)
      expect(data).toEqual({
        compliance: {
          max_commission_levels: 2,
          lottery_prize_cap: 50000,
          blind_box_price_cap: 200,
          blind_box_min_age: 8,
          guardian_consent_below_age: 18,
          blind_box_daily_spend_limit: null,
        },
      })
    })

    it("restores the previous values when a later step of the workflow fails (compensation)", async () => {
      const failAfterUpdate = createStep("fission-test-fail-after-compliance-update", async () => {
        throw new Error("later step failed")
      })
      const workflow = createWorkflow("fission-test-compliance-compensation", (input: { max_commission_levels: number }) => {
        const settings = updateComplianceSettingsStep(input)
        failAfterUpdate()
        return new WorkflowResponse(settings)
      })

      await api.post("/admin/fission/compliance", { blind_box_price_cap: 120 }, admin())
      const before = (await api.get("/admin/fission/compliance", admin())).data.compliance

      const { errors } = await workflow(getContainer()).run({
        input: { max_commission_levels: 1 },
        throwOnError: false,
      })
      expect(errors[0].error.message).toBe("later step failed")

      const after = (await api.get("/admin/fission/compliance", admin())).data.compliance
      expect(after).toEqual(before)
      expect(after.max_commission_levels).toBe(2)
      expect(after.blind_box_price_cap).toBe(120)
    })
  },
})

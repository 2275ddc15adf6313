import path from "node:path"
import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { COMPLIANCE_MODULE } from "../../src/modules/compliance"
import FissionComplianceService from "../../src/modules/compliance/service"
import { DEFAULT_COMPLIANCE_SETTINGS, getComplianceSettings } from "../../src/utils/compliance"

jest.setTimeout(60_000)

const SPEC_DEFAULTS = {
  max_commission_levels: 2,
  max_team_condition_depth: 3,
  lottery_prize_cap: 50000,
  blind_box_price_cap: 200,
  blind_box_min_age: 8,
  guardian_consent_below_age: 18,
  blind_box_daily_spend_limit: null,
}

async function rejectionOf(promise: Promise<unknown>) {
  const error: any = await promise.then(
    () => null,
    (e) => e
  )
  expect(error).toBeTruthy()
  return error
}

moduleIntegrationTestRunner<FissionComplianceService>({
  moduleName: COMPLIANCE_MODULE,
  resolve: path.join(__dirname, "../../src/modules/compliance"),
  // Build the schema from the migration, so the test also checks it against the model.
  pathToMigrations: path.join(__dirname, "../../src/modules/compliance/migrations"),
  testSuite: ({ service }) => {
    it("creates the single settings row lazily with the SPEC defaults (2 levels, 50,000, 200, 8, 18)", async () => {
      expect(await service.listComplianceSettings()).toHaveLength(0)
      const settings = await service.retrieveSettings()
      expect(settings).toEqual(SPEC_DEFAULTS)
      expect(settings).toEqual(DEFAULT_COMPLIANCE_SETTINGS)

      await service.retrieveSettings()
      const rows = await service.listComplianceSettings()
      expect(rows).toHaveLength(1)
      expect(rows[0].id).toMatch(/^fcmp_/)
    })

    it("creates exactly one row when first reads race", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => service.retrieveSettings()))
      for (const r of results) expect(r).toEqual(SPEC_DEFAULTS)
      expect(await service.listComplianceSettings()).toHaveLength(1)
    })

    it("saves a partial update and keeps the other values", async () => {
      const updated = await service.updateSettings({
        max_commission_levels: 1,
        lottery_prize_cap: "12345.67",
        blind_box_price_cap: 99.9,
        blind_box_daily_spend_limit: 300,
      })
      expect(updated).toEqual({
        ...SPEC_DEFAULTS,
        max_commission_levels: 1,
        lottery_prize_cap: 12345.67,
        blind_box_price_cap: 99.9,
        blind_box_daily_spend_limit: 300,
      })
      expect(await service.retrieveSettings()).toEqual(updated)

      const [row] = await service.listComplianceSettings()
      expect(row.raw_lottery_prize_cap).toMatchObject({ value: "12345.67" })

      const off = await service.updateSettings({ blind_box_daily_spend_limit: null })
      expect(off.blind_box_daily_spend_limit).toBeNull()
      expect(off.max_commission_levels).toBe(1)
      expect(await service.listComplianceSettings()).toHaveLength(1)
    })

    const bad: [string, Record<string, unknown>][] = [
      ["max_commission_levels", { max_commission_levels: 3 }],
      ["max_team_condition_depth", { max_team_condition_depth: 4 }],
      ["lottery_prize_cap", { lottery_prize_cap: 50000.01 }],
      ["blind_box_price_cap", { blind_box_price_cap: 201 }],
      ["blind_box_min_age", { blind_box_min_age: 7 }],
      ["guardian_consent_below_age", { guardian_consent_below_age: 17 }],
      ["blind_box_daily_spend_limit", { blind_box_daily_spend_limit: 0 }],
      ["promoter_fee_allowed", { promoter_fee_allowed: true }],
    ]

    it.each(bad)("rejects a bad %s with INVALID_DATA naming it and saves nothing", async (field, patch) => {
      await service.updateSettings({ blind_box_price_cap: 150 })
      const before = await service.retrieveSettings()
      // A valid field in the same patch must not be saved either.
      const error = await rejectionOf(service.updateSettings({ lottery_prize_cap: 1000, ...patch } as any))
      expect(error).toBeInstanceOf(MedusaError)
      expect(error.type).toBe(MedusaError.Types.INVALID_DATA)
      expect(error.message.startsWith(field)).toBe(true)
      expect(await service.retrieveSettings()).toEqual(before)
    })

    it("explains the 2-level legal cap when 3 commission levels are asked for", async () => {
      const error = await rejectionOf(service.updateSettings({ max_commission_levels: 3 }))
      expect(error.message).toMatch(/at most 2 levels above the buyer/)
      expect(error.message).toMatch(/pyramid selling/)
      expect((await service.retrieveSettings()).max_commission_levels).toBe(2)
    })

    it("enforces the hard limits in the database too (check constraints)", async () => {
      await service.retrieveSettings()
      const [row] = await service.listComplianceSettings()
      for (const data of [
        { max_commission_levels: 3 },
        { lottery_prize_cap: 50001 },
        { blind_box_price_cap: 201 },
        { blind_box_min_age: 7 },
      ]) {
        await rejectionOf(service.updateComplianceSettings({ id: row.id, ...data }))
      }
      expect(await service.retrieveSettings()).toEqual(SPEC_DEFAULTS)
    })

    it("serializes concurrent updates so the cross-field rule (consent age >= minimum age) always holds", async () => {
      for (let round = 0; round < 5; round++) {
        await service.updateSettings({ blind_box_min_age: 16, guardian_consent_below_age: 20 })
        // Each is valid on its own against (16, 20); together they would give (19, 18).
        const outcomes = await Promise.allSettled([
          service.updateSettings({ guardian_consent_below_age: 18 }),
          service.updateSettings({ blind_box_min_age: 19 }),
        ])
        const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected")
        expect(rejected).toHaveLength(1)
        // Rejected by the validator under the row lock, not by a constraint violation.
        expect(rejected[0].reason.type).toBe(MedusaError.Types.INVALID_DATA)
        const final = await service.retrieveSettings()
        expect(final.guardian_consent_below_age).toBeGreaterThanOrEqual(final.blind_box_min_age)
      }
    })

    it("is readable by other plugins through getComplianceSettings(container)", async () => {
      await service.updateSettings({ max_commission_levels: 1 })
      const container = {
        resolve: (key: string) => {
          expect(key).toBe("fission_compliance")
          return service
        },
      }
      const settings = await getComplianceSettings(container as any)
      expect(settings.max_commission_levels).toBe(1)
      expect(settings.lottery_prize_cap).toBe(50000)
    })
  },
})

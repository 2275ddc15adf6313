import { MedusaError } from "@medusajs/framework/utils"
import {
  COMPLIANCE_LIMITS,
  DEFAULT_COMPLIANCE_SETTINGS,
  toPublicComplianceLimits,
  validateComplianceSettings,
} from "./index"

const defaults = { ...DEFAULT_COMPLIANCE_SETTINGS }

function rejection(patch: Record<string, unknown>, current = defaults) {
  try {
    validateComplianceSettings(current, patch)
  } catch (e) {
    return e as MedusaError
  }
  throw new Error(`expected ${JSON.stringify(patch)} to be rejected`)
}

describe("compliance defaults (SPEC §0.6)", () => {
  it("uses the SPEC numbers: 2 levels, team depth 3, 50,000 prize cap, 200 blind-box cap, age 8, consent below 18", () => {
    expect(DEFAULT_COMPLIANCE_SETTINGS).toEqual({
      max_commission_levels: 2,
      max_team_condition_depth: 3,
      lottery_prize_cap: 50000,
      blind_box_price_cap: 200,
      blind_box_min_age: 8,
      guardian_consent_below_age: 18,
      blind_box_daily_spend_limit: null,
    })
    expect(COMPLIANCE_LIMITS).toMatchObject({
      max_commission_levels: 2,
      max_team_condition_depth: 3,
      lottery_prize_cap: 50000,
      blind_box_price_cap: 200,
      blind_box_min_age: 8,
      guardian_consent_floor_age: 18,
    })
    expect(Object.isFrozen(DEFAULT_COMPLIANCE_SETTINGS)).toBe(true)
  })

  it("has no promoter-fee setting: fees to become a promoter are never allowed", () => {
    expect(Object.keys(DEFAULT_COMPLIANCE_SETTINGS)).not.toContain("promoter_fee_allowed")
    const err = rejection({ promoter_fee_allowed: true })
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toMatch(/^promoter_fee_allowed is not a setting: a fee to become a promoter .* never allowed/)
    expect(rejection({ promoter_fee_allowed: false }).message).toMatch(/^promoter_fee_allowed/)
  })
})

describe("validateComplianceSettings", () => {
  it("applies a partial update and keeps the other values", () => {
    const next = validateComplianceSettings(defaults, { max_commission_levels: 1, blind_box_price_cap: 99.5 })
    expect(next).toEqual({ ...defaults, max_commission_levels: 1, blind_box_price_cap: 99.5 })
    expect(defaults.max_commission_levels).toBe(2) // input not mutated
  })

  it("accepts the limits themselves: 2 levels, depth 3, 50,000, 200, age 8, consent below 18", () => {
    const next = validateComplianceSettings(
      { ...defaults, max_commission_levels: 1, max_team_condition_depth: 1, lottery_prize_cap: 1, blind_box_price_cap: 1 },
      {
        max_commission_levels: 2,
        max_team_condition_depth: 3,
        lottery_prize_cap: 50000,
        blind_box_price_cap: 200,
        blind_box_min_age: 8,
        guardian_consent_below_age: 18,
      }
    )
    expect(next).toEqual(defaults)
  })

  it("rejects 3 commission levels, explaining the 2-level legal cap", () => {
    const err = rejection({ max_commission_levels: 3 })
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toMatch(/^max_commission_levels must be 1 or 2 \(got 3\)/)
    expect(err.message).toMatch(/at most 2 levels above the buyer/)
    expect(err.message).toMatch(/pyramid selling/)
  })

  it("takes exact decimal strings for money and compares them exactly against the cap", () => {
    expect(validateComplianceSettings(defaults, { lottery_prize_cap: "49999.99" }).lottery_prize_cap).toBe(49999.99)
    expect(validateComplianceSettings(defaults, { blind_box_price_cap: " 200.00 " }).blind_box_price_cap).toBe(200)
    // 200.0000000000000001 rounds to 200 as a float; as a decimal it is above the cap.
    expect(rejection({ blind_box_price_cap: "200.0000000000000001" }).message).toMatch(/^blind_box_price_cap must be/)
    expect(rejection({ lottery_prize_cap: "50000.01" }).message).toMatch(/^lottery_prize_cap must be/)
  })

  it("turns the daily blind-box spend limit on and off", () => {
    const on = validateComplianceSettings(defaults, { blind_box_daily_spend_limit: 500 })
    expect(on.blind_box_daily_spend_limit).toBe(500)
    expect(validateComplianceSettings(on, { blind_box_daily_spend_limit: null }).blind_box_daily_spend_limit).toBeNull()
  })

  it("lets the store raise the minimum age and consent age together", () => {
    const next = validateComplianceSettings(defaults, { blind_box_min_age: 16, guardian_consent_below_age: 20 })
    expect(next).toMatchObject({ blind_box_min_age: 16, guardian_consent_below_age: 20 })
    expect(validateComplianceSettings(defaults, { blind_box_min_age: 18 }).blind_box_min_age).toBe(18)
  })

  const bad: [string, Record<string, unknown>, RegExp][] = [
    ["0 commission levels", { max_commission_levels: 0 }, /^max_commission_levels must be 1 or 2/],
    ["3 commission levels", { max_commission_levels: 3 }, /^max_commission_levels must be 1 or 2/],
    ["1.5 commission levels", { max_commission_levels: 1.5 }, /^max_commission_levels/],
    ["commission levels as text", { max_commission_levels: "2" }, /^max_commission_levels/],
    ["commission levels null", { max_commission_levels: null }, /^max_commission_levels/],
    ["team depth 4", { max_team_condition_depth: 4 }, /^max_team_condition_depth must be an integer from 1 to 3/],
    ["team depth 0", { max_team_condition_depth: 0 }, /^max_team_condition_depth/],
    ["prize cap 50,001", { lottery_prize_cap: 50001 }, /^lottery_prize_cap must be a positive amount of at most 50000/],
    ["prize cap 0", { lottery_prize_cap: 0 }, /^lottery_prize_cap/],
    ["prize cap negative", { lottery_prize_cap: -1 }, /^lottery_prize_cap/],
    ["prize cap text", { lottery_prize_cap: "lots" }, /^lottery_prize_cap/],
    ["prize cap exponent", { lottery_prize_cap: "1e3" }, /^lottery_prize_cap/],
    ["prize cap infinite", { lottery_prize_cap: Infinity }, /^lottery_prize_cap/],
    ["prize cap null", { lottery_prize_cap: null }, /^lottery_prize_cap/],
    ["blind-box cap 201", { blind_box_price_cap: 201 }, /^blind_box_price_cap must be a positive amount of at most 200/],
    ["blind-box cap 200.01", { blind_box_price_cap: 200.01 }, /^blind_box_price_cap/],
    ["blind-box cap 0", { blind_box_price_cap: 0 }, /^blind_box_price_cap/],
    ["min age 7", { blind_box_min_age: 7 }, /^blind_box_min_age must be an integer from 8 to 120/],
    ["min age 8.5", { blind_box_min_age: 8.5 }, /^blind_box_min_age/],
    ["min age 121", { blind_box_min_age: 121 }, /^blind_box_min_age/],
    ["consent age 17", { guardian_consent_below_age: 17 }, /^guardian_consent_below_age must be an integer from 18 to 120/],
    ["daily limit 0", { blind_box_daily_spend_limit: 0 }, /^blind_box_daily_spend_limit must be a positive amount/],
    ["daily limit negative", { blind_box_daily_spend_limit: -5 }, /^blind_box_daily_spend_limit/],
    ["daily limit boolean", { blind_box_daily_spend_limit: true }, /^blind_box_daily_spend_limit/],
    // money has 2 decimals, and an open-ended amount still has a sane ceiling (issue 16)
    ["prize cap 0.001", { lottery_prize_cap: 0.001 }, /^lottery_prize_cap must be a positive amount of at most 50000 with at most 2 decimals/],
    ["daily limit 0.001", { blind_box_daily_spend_limit: 0.001 }, /^blind_box_daily_spend_limit .*at most 2 decimals/],
    ["daily limit 1e308", { blind_box_daily_spend_limit: 1e308 }, /^blind_box_daily_spend_limit must be a positive amount of at most 100000000/],
    ["daily limit 100,000,000.01", { blind_box_daily_spend_limit: "100000000.01" }, /^blind_box_daily_spend_limit/],
    ["unknown field", { max_levels: 2 }, /^max_levels is not a compliance setting/],
  ]

  it.each(bad)("rejects %s with INVALID_DATA naming the field", (_name, patch, message) => {
    const err = rejection(patch)
    expect(err).toBeInstanceOf(MedusaError)
    expect(err.type).toBe(MedusaError.Types.INVALID_DATA)
    expect(err.message).toMatch(message)
  })

  it("rejects a minimum age above the guardian-consent age, naming the field that was changed", () => {
    expect(rejection({ blind_box_min_age: 19 }).message).toMatch(
      /^blind_box_min_age: guardian_consent_below_age \(18\) must be at least blind_box_min_age \(19\)/
    )
    const current = { ...defaults, blind_box_min_age: 20, guardian_consent_below_age: 20 }
    expect(rejection({ guardian_consent_below_age: 19 }, current).message).toMatch(/^guardian_consent_below_age:/)
  })

  it("rejects a body that is not an object", () => {
    for (const patch of [null, [], "x"]) {
      expect(rejection(patch as any).type).toBe(MedusaError.Types.INVALID_DATA)
    }
  })

  it("ignores undefined fields (not sent)", () => {
    expect(validateComplianceSettings(defaults, { lottery_prize_cap: undefined })).toEqual(defaults)
  })
})

describe("toPublicComplianceLimits", () => {
  it("discloses the shopper-facing limits only", () => {
    expect(toPublicComplianceLimits(defaults)).toEqual({
      max_commission_levels: 2,
      lottery_prize_cap: 50000,
      blind_box_price_cap: 200,
      blind_box_min_age: 8,
      guardian_consent_below_age: 18,
      blind_box_daily_spend_limit: null,
    })
  })
})

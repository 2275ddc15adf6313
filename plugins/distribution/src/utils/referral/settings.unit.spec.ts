import { MedusaError } from "@medusajs/framework/utils"
import { validateDistributionSettings } from "./settings"
import { validateRankInput } from "./rank"

const current = { level1_rate: 0.1, level2_rate: 0.05, commission_depth: 2 }
const limits = { max_commission_levels: 2 }

function rejection(fn: () => unknown) {
  try {
    fn()
  } catch (e) {
    expect((e as MedusaError).type).toBe(MedusaError.Types.INVALID_DATA)
    return (e as MedusaError).message
  }
  throw new Error("expected a rejection")
}

describe("distribution settings validation", () => {
  it("accepts commission_depth 1 or 2 and explains the 2-level legal cap otherwise", () => {
    expect(validateDistributionSettings(current, { commission_depth: 1 }, limits).commission_depth).toBe(1)
    expect(validateDistributionSettings(current, { commission_depth: 2 }, limits).commission_depth).toBe(2)
    for (const depth of [0, 3, 1.5]) {
      const message = rejection(() => validateDistributionSettings(current, { commission_depth: depth }, limits))
      expect(message).toMatch(/^commission_depth/)
      expect(message).toMatch(/pyramid selling/)
    }
  })

  it("caps commission_depth by the store's compliance max_commission_levels", () => {
    const message = rejection(() => validateDistributionSettings(current, { commission_depth: 2 }, { max_commission_levels: 1 }))
    expect(message).toMatch(/max_commission_levels is 1/)
  })

  it("checks rates 0..1, their sum, counts and URLs, naming the field", () => {
    expect(validateDistributionSettings(current, { level1_rate: "0.2", level2_rate: 0.1 }, limits)).toMatchObject({ level1_rate: 0.2, level2_rate: 0.1 })
    expect(rejection(() => validateDistributionSettings(current, { level1_rate: 1.5 }, limits))).toMatch(/^level1_rate/)
    expect(rejection(() => validateDistributionSettings(current, { level2_rate: -0.1 }, limits))).toMatch(/^level2_rate/)
    expect(rejection(() => validateDistributionSettings(current, { level1_rate: 0.7, level2_rate: 0.4 }, limits))).toMatch(/level1_rate \+ level2_rate/)
    expect(rejection(() => validateDistributionSettings(current, { pass_up_count: -1 }, limits))).toMatch(/^pass_up_count/)
    expect(validateDistributionSettings(current, { pass_up_count: 0 }, limits).pass_up_count).toBe(0)
    expect(rejection(() => validateDistributionSettings(current, { binding_expiry_days: 0 }, limits))).toMatch(/^binding_expiry_days/)
    expect(validateDistributionSettings(current, { binding_expiry_days: null }, limits).binding_expiry_days).toBeNull()
    expect(rejection(() => validateDistributionSettings(current, { withdrawal_fee_rate: 1 }, limits))).toMatch(/^withdrawal_fee_rate/)
    expect(rejection(() => validateDistributionSettings(current, { share_base_url: "ftp://x" }, limits))).toMatch(/^share_base_url/)
    expect(rejection(() => validateDistributionSettings(current, { auto_promoter_threshold: "abc" }, limits))).toMatch(/^auto_promoter_threshold/)
    expect(validateDistributionSettings(current, { auto_promoter_threshold: "899" }, limits).auto_promoter_threshold).toBe(899)
  })

  it("bounds money to 2 decimals and 100,000,000, rates to 6 decimals (issue 16)", () => {
    expect(rejection(() => validateDistributionSettings(current, { withdrawal_min_amount: 1e308 }, limits))).toMatch(/^withdrawal_min_amount .*at most 100000000/)
    expect(rejection(() => validateDistributionSettings(current, { auto_promoter_threshold: 0.001 }, limits))).toMatch(/^auto_promoter_threshold .*2 decimals/)
    expect(rejection(() => validateDistributionSettings(current, { level1_rate: "0.1234567" }, limits))).toMatch(/^level1_rate .*6 decimals/)
    expect(validateDistributionSettings(current, { withdrawal_min_amount: "100000000.00", level1_rate: "0.123456" }, limits)).toMatchObject({
      withdrawal_min_amount: 100000000,
      level1_rate: 0.123456,
    })
  })
})

describe("rank validation", () => {
  const limits = { max_team_condition_depth: 3 }
  it("accepts 3×9×27 team conditions and rejects deeper ones", () => {
    expect(validateRankInput({ name: "boss", conditions: { team_counts: [3, 9, 27] } }, limits).conditions).toEqual({ team_counts: [3, 9, 27] })
    expect(rejection(() => validateRankInput({ conditions: { team_counts: [3, 9, 27, 81] } }, limits))).toMatch(/^conditions.team_counts/)
    expect(rejection(() => validateRankInput({ conditions: { team_counts: [3, -1] } }, limits))).toMatch(/team_counts\[1\]/)
    expect(rejection(() => validateRankInput({ conditions: { direct_referrals: { count: 0 } } }, limits))).toMatch(/direct_referrals.count/)
    expect(rejection(() => validateRankInput({ level1_rate: 2 }, limits))).toMatch(/^level1_rate/)
    expect(rejection(() => validateRankInput({ name: " " }, limits))).toMatch(/^name/)
    expect(validateRankInput({ team_reward_amount: "350" }, limits).team_reward_amount).toBe(350)
    expect(rejection(() => validateRankInput({ team_reward_amount: 1e308 }, limits))).toMatch(/^team_reward_amount/)
    expect(rejection(() => validateRankInput({ conditions: { team_counts: [1e12] } }, limits))).toMatch(/team_counts\[0\] must be an integer from 0 to 1000000/)
  })
})

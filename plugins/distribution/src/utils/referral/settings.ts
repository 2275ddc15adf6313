import { MedusaError } from "@medusajs/framework/utils"
import { decimalProblem, MONEY_MAX } from "@fission/core/utils"

/**
 * Validation of the store's distribution settings (SPEC §2, §0.6). Zod checks the
 * types at the API; the ranges and cross-field rules live here so the API and
 * any other caller share one rule set and one wording.
 */
export type DistributionSettingsPatch = {
  bind_mode?: "on_register" | "on_first_order" | "anytime_until_first_order"
  binding_expiry_days?: number | null
  promoter_mode?: "everyone_is_promoter" | "apply" | "auto_after_spend"
  auto_promoter_threshold?: number | string
  commission_depth?: number
  level1_rate?: number | string
  level2_rate?: number | string
  self_purchase_commission?: boolean
  freeze_days?: number
  pass_up_count?: number
  withdrawal_min_amount?: number | string
  withdrawal_fee_rate?: number | string
  withdrawal_daily_limit?: number
  share_base_url?: string | null
}

export type DistributionSettingsLimits = { max_commission_levels: number }

/** Legal hard cap (SPEC §0.6): commission never reaches more than 2 levels above the buyer. */
export const LEGAL_MAX_COMMISSION_DEPTH = 2

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const show = (v: unknown) => (typeof v === "string" ? JSON.stringify(v) : String(v))
/** Money: 0 … 100,000,000 with at most 2 decimals (the shared Fission bound). */
function money(field: string, value: unknown): number {
  if (decimalProblem(value, { max: MONEY_MAX })) {
    throw invalid(`${field} must be a non-negative decimal number of at most ${MONEY_MAX} with at most 2 decimals (got ${show(value)})`)
  }
  return Number(value)
}

function integer(field: string, value: unknown, min: number, max: number, why = ""): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${field} must be an integer from ${min} to ${max} (got ${show(value)})${why ? `: ${why}` : ""}`)
  }
  return value
}

function rate(field: string, value: unknown, maxExclusive = false): number {
  const n = Number(value)
  if (decimalProblem(value, { max: 1, decimals: 6 }) || (maxExclusive && n >= 1)) {
    throw invalid(`${field} must be a fraction from 0 to ${maxExclusive ? "below " : ""}1 with at most 6 decimals (got ${show(value)}), e.g. 0.1 for 10%`)
  }
  return n
}

/**
 * Checks `patch` against the merged result with `current`; throws INVALID_DATA
 * naming the field. Returns the patch with amounts normalised to numbers.
 */
export function validateDistributionSettings(
  current: Record<string, any>,
  patch: DistributionSettingsPatch,
  limits: DistributionSettingsLimits
): DistributionSettingsPatch {
  const out: DistributionSettingsPatch = { ...patch }
  const cap = Math.min(LEGAL_MAX_COMMISSION_DEPTH, limits.max_commission_levels)
  if (patch.commission_depth !== undefined) {
    const depth = patch.commission_depth
    if (typeof depth !== "number" || !Number.isInteger(depth) || depth < 1 || depth > cap) {
      throw invalid(
        `commission_depth must be 1${cap >= 2 ? " or 2" : ""} (got ${show(depth)}): commission may reach at most ${cap} level${cap === 1 ? "" : "s"} above the buyer. ` +
          `Chinese practice and case law treat 3 or more levels of "team pay" as pyramid selling, so the legal cap is 2 levels` +
          (cap < LEGAL_MAX_COMMISSION_DEPTH ? ` and the store's compliance setting max_commission_levels is ${limits.max_commission_levels}` : "")
      )
    }
  }
  if (patch.binding_expiry_days !== undefined && patch.binding_expiry_days !== null) {
    integer("binding_expiry_days", patch.binding_expiry_days, 1, 3650, "null means a binding never expires")
  }
  if (patch.auto_promoter_threshold !== undefined) out.auto_promoter_threshold = money("auto_promoter_threshold", patch.auto_promoter_threshold)
  if (patch.level1_rate !== undefined) out.level1_rate = rate("level1_rate", patch.level1_rate)
  if (patch.level2_rate !== undefined) out.level2_rate = rate("level2_rate", patch.level2_rate)
  if (patch.freeze_days !== undefined) integer("freeze_days", patch.freeze_days, 0, 365)
  if (patch.pass_up_count !== undefined) integer("pass_up_count", patch.pass_up_count, 0, 100, "0 turns the pass-up rule off")
  if (patch.withdrawal_min_amount !== undefined) out.withdrawal_min_amount = money("withdrawal_min_amount", patch.withdrawal_min_amount)
  if (patch.withdrawal_fee_rate !== undefined) out.withdrawal_fee_rate = rate("withdrawal_fee_rate", patch.withdrawal_fee_rate, true)
  if (patch.withdrawal_daily_limit !== undefined) integer("withdrawal_daily_limit", patch.withdrawal_daily_limit, 1, 1000)
  if (patch.share_base_url !== undefined && patch.share_base_url !== null) {
    let url: URL | null = null
    try {
      url = new URL(patch.share_base_url)
    } catch {}
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw invalid(`share_base_url must be an http(s) URL (got ${show(patch.share_base_url)})`)
    }
  }

  // Cross-field: the two levels together never pay out more than the sale itself.
  const l1 = Number(out.level1_rate ?? current.level1_rate ?? 0)
  const l2 = Number(out.level2_rate ?? current.level2_rate ?? 0)
  if ((patch.level1_rate !== undefined || patch.level2_rate !== undefined) && l1 + l2 > 1) {
    throw invalid(`level1_rate + level2_rate must not exceed 1 (got ${l1} + ${l2})`)
  }
  return out
}

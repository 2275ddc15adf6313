import { Context, InferTypeOf } from "@medusajs/framework/types"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { DEFAULT_COMPLIANCE_SETTINGS } from "../../utils/compliance/defaults"
import { ComplianceSettings, ComplianceSettingsPatch } from "../../utils/compliance/types"
import { validateComplianceSettings } from "../../utils/compliance/validate"
import { ComplianceSetting } from "./models"

type ComplianceSettingRow = InferTypeOf<typeof ComplianceSetting>

/** The single row of a store; a multi-store setup would key rows by store. */
export const COMPLIANCE_SCOPE = "store"

const toNumber = (value: unknown) => MathBN.convert(value as any).toNumber()

/** Only the setting fields, money as plain decimal numbers (the API shape). */
export function toComplianceSettings(row: ComplianceSettingRow): ComplianceSettings {
  return {
    max_commission_levels: row.max_commission_levels,
    max_team_condition_depth: row.max_team_condition_depth,
    lottery_prize_cap: toNumber(row.lottery_prize_cap),
    blind_box_price_cap: toNumber(row.blind_box_price_cap),
    blind_box_min_age: row.blind_box_min_age,
    guardian_consent_below_age: row.guardian_consent_below_age,
    blind_box_daily_spend_limit:
      row.blind_box_daily_spend_limit === null || row.blind_box_daily_spend_limit === undefined
        ? null
        : toNumber(row.blind_box_daily_spend_limit),
  }
}

/**
 * Compliance guardrails of SPEC §0.6. Read them with `retrieveSettings()` (or
 * `getComplianceSettings(container)` from `@fission/core/utils`); change them
 * only through `updateSettings()`, which enforces the hard legal limits.
 *
 * Fees to become a promoter or to rise in rank are never allowed; that is not
 * a setting and has no field.
 */
class FissionComplianceService extends MedusaService({ ComplianceSetting }) {
  /** The store's settings; the row is created with the defaults on first read. */
  @InjectManager()
  async retrieveSettings(@MedusaContext() sharedContext: Context = {}): Promise<ComplianceSettings> {
    return toComplianceSettings(await this.ensureRow_(sharedContext))
  }

  /**
   * Validates `patch` against the current settings and saves the result.
   * Throws MedusaError INVALID_DATA naming the field; nothing is written then.
   */
  @InjectManager()
  async updateSettings(
    patch: ComplianceSettingsPatch,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ComplianceSettings> {
    const row = await this.ensureRow_(sharedContext)
    return toComplianceSettings(await this.updateSettings_(row.id, patch, sharedContext))
  }

  /**
   * Read, validate and write under a row lock, so two concurrent partial
   * updates cannot each pass the cross-field check (guardian age >= minimum
   * age) against a value the other one is changing.
   */
  @InjectTransactionManager()
  protected async updateSettings_(
    id: string,
    patch: ComplianceSettingsPatch,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ComplianceSettingRow> {
    const manager = sharedContext.transactionManager as SqlEntityManager | undefined
    const trx = manager?.getTransactionContext()
    if (!trx) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Compliance settings must be updated in a transaction")
    }
    await trx("fission_compliance_setting").select("id").where({ id }).forUpdate()
    const current = await this.retrieveComplianceSetting(id, {}, sharedContext)
    const next = validateComplianceSettings(toComplianceSettings(current), patch)
    return await this.updateComplianceSettings({ id, ...next }, sharedContext)
  }

  /**
   * Get-or-create outside of any transaction: if two first reads race, the
   * unique `scope` index rejects the second insert and it reads the winner's row.
   */
  protected async ensureRow_(sharedContext: Context): Promise<ComplianceSettingRow> {
    const find = async () =>
      (await this.listComplianceSettings({ scope: COMPLIANCE_SCOPE }, { take: 1 }, sharedContext))[0]
    const existing = await find()
    if (existing) {
      return existing
    }
    try {
      return await this.createComplianceSettings({ scope: COMPLIANCE_SCOPE, ...DEFAULT_COMPLIANCE_SETTINGS }, sharedContext)
    } catch (error) {
      const winner = await find()
      if (winner) {
        return winner
      }
      throw error
    }
  }
}

export default FissionComplianceService

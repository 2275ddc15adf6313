import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { TEAM_AWARD_REASON } from "../../../utils/team-award-ledger"
import { applyTeamAwardWorkflow } from "../workflows/apply-team-award"
import { reverseTeamAwardWorkflow } from "../workflows/reverse-team-award"

/** Postings that commit late (a long transaction) can land behind the cursor: look back this far. */
const LOOKBACK_MS = 10 * 60_000

/**
 * Finds team awards paid since the last sweep — distribution's `commission.team_reward`
 * postings once they are posted (available), through core's ledger query, never
 * distribution's tables — and applies each once (the record is unique per posting).
 * The cursor only moves forward; a failed award stops the cursor before it, so it is
 * retried next sweep.
 */
export const sweepTeamAwardsStep = createStep(
  "fission-rebates-sweep-team-awards",
  async (input: { limit?: number }, { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const settings = await service.retrieveSettings()
    const cursor = (settings.team_award_cursor as { at: string; id: string } | null) ?? null
    let after = cursor ? { at: new Date(new Date(cursor.at).getTime() - LOOKBACK_MS).toISOString(), id: "" } : null
    let last = cursor
    let applied = 0
    let failed = 0
    for (let page = 0; page < 20; page++) {
      const postings = await ledger.listPostedByReason({ asset: "commission", reason: TEAM_AWARD_REASON, after, limit: input.limit ?? 200 })
      if (!postings.length) break
      const known = new Set(
        (await service.listRebateTeamAwards({ posting_id: postings.map((p) => p.id) }, { select: ["posting_id"] })).map((a: any) => a.posting_id)
      )
      let stop = false
      for (const p of postings) {
        if (!known.has(p.id)) {
          try {
            await applyTeamAwardWorkflow(container).run({ input: { posting: p } })
            applied++
          } catch {
            failed++
            stop = true
            break
          }
        }
        if (!last || p.at > last.at || (p.at === last.at && p.id > last.id)) last = { at: p.at, id: p.id }
      }
      if (stop || postings.length < (input.limit ?? 200)) break
      after = { at: postings[postings.length - 1].at, id: postings[postings.length - 1].id }
    }
    if (last && (!cursor || last.at !== cursor.at || last.id !== cursor.id)) {
      await service.updateRebateSettings({ id: settings.id, team_award_cursor: last as any })
    }
    return new StepResponse({ applied, failed, cursor: last })
  }
)

/**
 * Finds reversals of team awards' commissions since the last sweep (core's ledger
 * query, keyset like the awards above) and follows each award's total reversed
 * (`reverseTeamAwardWorkflow`). Runs after the awards sweep of the same tick, so a
 * reversal finds its award; one whose award is not there yet (or fails) stops the
 * cursor before it, to be retried next sweep.
 */
export const sweepTeamAwardReversalsStep = createStep(
  "fission-rebates-sweep-team-award-reversals",
  async (input: { limit?: number }, { container }) => {
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const limit = input.limit ?? 200
    const settings = await service.retrieveSettings()
    const cursor = (settings.team_award_reversal_cursor as { at: string; id: string } | null) ?? null
    let after = cursor ? { at: new Date(new Date(cursor.at).getTime() - LOOKBACK_MS).toISOString(), id: "" } : null
    let last = cursor
    let followed = 0
    let stop = false
    for (let page = 0; page < 20 && !stop; page++) {
      const reversals = await ledger.listReversalsByReason({ asset: "commission", reason: TEAM_AWARD_REASON, after, limit })
      if (!reversals.length) break
      const awards = new Map(
        (await service.listRebateTeamAwards({ posting_id: [...new Set(reversals.map((r) => r.original_id))] })).map((a: any) => [a.posting_id, a])
      )
      for (const r of reversals) {
        const award = awards.get(r.original_id)
        try {
          if (!award) throw new Error(`team award of posting ${r.original_id} not applied yet`)
          await reverseTeamAwardWorkflow(container).run({
            input: { customer_id: award.customer_id, posting_id: r.original_id, reversed_total: r.reversed_total },
          })
          followed++
        } catch {
          stop = true
          break
        }
        if (!last || r.at > last.at || (r.at === last.at && r.id > last.id)) last = { at: r.at, id: r.id }
      }
      if (reversals.length < limit) break
      after = { at: reversals[reversals.length - 1].at, id: reversals[reversals.length - 1].id }
    }
    if (last && (!cursor || last.at !== cursor.at || last.id !== cursor.id)) {
      await service.updateRebateSettings({ id: settings.id, team_award_reversal_cursor: last as any })
    }
    return new StepResponse({ followed, cursor: last })
  }
)

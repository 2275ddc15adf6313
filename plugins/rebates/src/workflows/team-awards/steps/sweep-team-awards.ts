import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import { TEAM_AWARD_REASON } from "../../../utils/team-award-ledger"
import { applyTeamAwardWorkflow } from "../workflows/apply-team-award"

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

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { getComplianceSettings, referralDirectory, toMinor } from "@fission/core/utils"
import type { MonthLedgerRow } from "../../../modules/rebates/service"
import { activeThreshold, levelReachedMinor, prepareLevels, teamDepthOf } from "../../../utils/levels"
import { monthBounds } from "../../../utils/months"
import { rebateCurrency, rebateRules } from "../../../utils/store"
import { countableLevels } from "../../../utils/team-active"
import { awardPostingKey } from "./write-month-award"
import { evaluateRebateMonthWorkflow } from "../workflows/evaluate-rebate-month"

// rows per bulk statement: months, and award rows with their postings (fewer, larger round trips)
const CHUNK = 20_000
const AWARD_CHUNK = 50_000

const sameMonth = (
  recorded: MonthLedgerRow,
  consumption: bigint,
  now: { level_id: string | null; awarded_points: number; team_active: number[] }
) =>
  toMinor(recorded.recorded_consumption ?? 0) === consumption &&
  recorded.recorded_level_id === now.level_id &&
  Number(recorded.recorded_points) === now.awarded_points &&
  JSON.stringify(recorded.recorded_team ?? []) === JSON.stringify(now.team_active)

/**
 * Evaluates every customer of a month at once (SPEC §3.1, at forest scale): one query
 * for every customer's consumption and awards so far, active members per depth from
 * core's referral directory only for customers whose consumption can reach a level with
 * a team structure, the levels in memory, then the months upserted and the top-ups
 * inserted and posted in bulk (core's set-based `postCredits`, keys as the per-customer
 * path: `rebates:award:<customer>:<month>:<seq>`, so both paths meet on the same rows and
 * keys). Customers whose award must go *down* (a refund below a level) and customers with
 * frozen team awards who now meet the month go through the per-customer workflow (its
 * reversals and releases). Idempotent: a second run finds nothing to top up.
 *
 * No compensation, on purpose: like the per-customer evaluation it brings months to their
 * current worth; a failure half-way leaves rows the next run (or the next order) completes,
 * and the ledger replays the keys already posted.
 */
export const evaluateMonthInBulkStep = createStep(
  "fission-rebates-evaluate-month-in-bulk",
  async (input: { month: string }, { container }) => {
    const started = Date.now()
    // seconds per phase, reported with the result (bench/README.md "Rebates")
    const phases: Record<string, number> = {}
    let mark = started
    const phase = (name: string) => {
      phases[name] = (Date.now() - mark) / 1000
      mark = Date.now()
    }
    const { service, settings, levels } = await rebateRules(container)
    const currency_code = await rebateCurrency(container, settings)
    const customers = await service.monthLedgerOfCustomers(input.month, currency_code)
    phase("customers")
    const depth = Math.min(teamDepthOf(levels), (await getComplianceSettings(container)).max_team_condition_depth ?? 3)
    const directory = depth > 0 ? referralDirectory(container) : null
    const usable = countableLevels(levels, depth)
    const teamLevels = usable.filter((l) => l.team_structure?.length)
    const threshold = activeThreshold(levels)
    let team: Record<string, number[]> = {}
    let candidates: string[] = []
    if (directory && teamLevels.length && threshold !== null) {
      const minTeam = Math.min(...teamLevels.map((l) => Number(l.min_consumption)))
      candidates = customers.filter((c) => Number(c.consumption) >= minTeam).map((c) => c.customer_id)
      const { from, to } = monthBounds(input.month, settings.time_zone)
      if (candidates.length) {
        team = await directory.activeMembersPerLevel(candidates, { from, to, min_spend: String(threshold), depth, currency_code })
      }
    }
    const months: Parameters<typeof service.upsertMonths>[1] = []
    const monthIds = new Map<string, string>()
    const ups: { customer_id: string; month: string; seq: number; level_position: number; amount: number; posting_key: string }[] = []
    const downs: string[] = []
    const reached: string[] = []
    phase("team")
    const prepared = prepareLevels(usable)
    for (const c of customers) {
      const active = team[c.customer_id] ?? []
      const consumption = toMinor(c.consumption)
      const level = levelReachedMinor(prepared, consumption, active)
      const target = level?.dividend_points ?? 0
      if (level) reached.push(c.customer_id)
      if (target < c.net) {
        downs.push(c.customer_id)
        continue
      }
      const month = {
        customer_id: c.customer_id,
        consumption: c.consumption,
        level_id: level?.id ?? null,
        level_position: level?.position ?? null,
        awarded_points: target,
        team_active: active,
      }
      // a month recorded as it is now is not written again (a re-run writes nothing)
      if (c.month_id && sameMonth(c, consumption, month)) monthIds.set(c.customer_id, c.month_id)
      else months.push(month)
      if (target > c.net) {
        ups.push({
          customer_id: c.customer_id,
          month: input.month,
          seq: c.rows,
          level_position: level!.position,
          amount: target - c.net,
          posting_key: awardPostingKey(c.customer_id, input.month, c.rows),
        })
      }
    }
    for (let i = 0; i < months.length; i += CHUNK) {
      for (const [customer_id, id] of await service.upsertMonths(input.month, months.slice(i, i + CHUNK))) monthIds.set(customer_id, id)
    }
    phase("months")
    const ledger = container.resolve<LedgerModuleService>(LEDGER_MODULE)
    let posted = 0
    const due = ups.filter((u) => monthIds.has(u.customer_id))
    for (let j = 0; j < due.length; j += AWARD_CHUNK) {
      const inserted = await service.insertAwardRows(due.slice(j, j + AWARD_CHUNK))
      if (!inserted.length) continue
      const r = await ledger.postCredits({
        asset: "dividend_points",
        from: "rebates_awards",
        reason: "rebates.level_award",
        source_type: "rebates.month",
        entries: inserted.map((a) => ({
          customer_id: a.customer_id,
          amount: String(a.amount),
          idempotency_key: a.posting_key,
          source_id: monthIds.get(a.customer_id)!,
        })),
      })
      posted += r.inserted
    }
    phase("awards")
    const releases = await service.withFrozenAwards(reached)
    for (const customer_id of [...new Set([...downs, ...releases])]) {
      await evaluateRebateMonthWorkflow(container).run({ input: { customer_id, month: input.month } })
    }
    phase("per_customer")
    return new StepResponse({
      month: input.month,
      customers: customers.length,
      team_candidates: candidates.length,
      months_written: months.length,
      topped_up: ups.length,
      postings: posted,
      lowered: downs.length,
      released: releases.length,
      seconds: (Date.now() - started) / 1000,
      phases,
    })
  }
)

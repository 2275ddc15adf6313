// Level evaluation of a whole month at forest scale, run by `npm run bench:rebates` as
// `medusa exec bench/rebates/evaluate-month.ts` after the runner loaded a referral forest
// (bench/distribution/load-forest.mjs), a month of paid orders in distribution's tables
// (load-activity.mjs) and the same orders as rebates' month records. Runs
// evaluateMonthInBulkWorkflow (one pass: every customer's consumption, team counts through
// core's referral directory for the candidates, top-ups posted with core's postCredits),
// then again (must post 0), then reconciliation. Figures go to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { evaluateMonthInBulkWorkflow } from "@fission/rebates/workflows"
import type { LedgerModuleService } from "../../plugins/core/src/modules/ledger"
import { nowMs, round } from "../ledger/stats"

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)

export default async function evaluateMonthBench({ container }: ExecArgs) {
  const month = process.env.BENCH_MONTH!
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ledger = container.resolve<LedgerModuleService>("fission_ledger")
  const rebates: any = container.resolve("fission_rebates")
  const settings = await rebates.retrieveSettings()
  await rebates.updateRebateSettings({ id: settings.id, currency_code: "cny" })
  const one = async (sql: string, b: any[] = []) => (await knex.raw(sql, b)).rows[0]
  const { n: orders } = await one(`SELECT COUNT(*)::int AS n FROM rebate_order WHERE month = ?`, [month])

  log(`evaluating ${month}: ${orders.toLocaleString("en")} paid orders…`)
  const t = nowMs()
  const { result } = await evaluateMonthInBulkWorkflow(container).run({ input: { month } })
  const firstS = (nowMs() - t) / 1000
  log(`first pass in ${round(firstS)} s: ${JSON.stringify(result)}`)
  const t2 = nowMs()
  const { result: again } = await evaluateMonthInBulkWorkflow(container).run({ input: { month } })
  const secondS = (nowMs() - t2) / 1000
  const levels = (
    await knex.raw(`SELECT level_position, COUNT(*)::int AS n FROM rebate_month WHERE month = ? GROUP BY 1 ORDER BY 1`, [month])
  ).rows
  const awards = await one(`SELECT COUNT(*)::int AS n, COALESCE(SUM(amount), 0)::text AS total FROM ledger_posting WHERE reason = 'rebates.level_award'`)
  const tReconcile = nowMs()
  const reconciliation: any = await ledger.reconcile()
  const out = {
    month,
    orders,
    first: { seconds: round(firstS), ...result },
    second: { seconds: round(secondS), ...again },
    customers_per_level: levels,
    award_postings: awards,
    reconcile: { ok: reconciliation.ok, seconds: round((nowMs() - tReconcile) / 1000) },
  }
  log(JSON.stringify(out))
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(out))
}

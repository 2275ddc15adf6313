// Points expiry at scale, run by `npm run bench:membership` as
// `medusa exec bench/membership/expire-lots.ts`: BENCH_LOTS points lots, all due, loaded
// set-based into @fission/core's ledger tables (reconciling: counters = sum of postings),
// then core's daily job `fission-expire-ledger-lots` (expireLedgerLotsWorkflow) run once
// through the real container, then `reconcile()`. Figures go to BENCH_OUT.
import fs from "node:fs"
import { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
// The built job (what the scheduler runs daily), not its sources: its workflow is
// already registered by the loaded plugin.
import expireLedgerLotsJob, { config as jobConfig } from "@fission/core/jobs/expire-ledger-lots"
import type { LedgerModuleService } from "../../plugins/core/src/modules/ledger"
import { customer, platform } from "../../plugins/core/src/utils/ledger"
import { fillTo } from "../ledger/fill"
import { nowMs, round } from "../ledger/stats"

const log = (m: string) => console.log(`\x1b[35m[bench]\x1b[0m ${m}`)
const JOB = jobConfig.name

export default async function expireLotsBench({ container }: ExecArgs) {
  const lots = Number(process.env.BENCH_LOTS || 1_000_000)
  const accounts = Number(process.env.BENCH_LOT_ACCOUNTS || 100_000)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ledger = container.resolve<LedgerModuleService>("fission_ledger")
  const count = async (sql: string) => Number((await knex.raw(sql)).rows[0].n)

  // One earn through the service creates the platform account the fill debits.
  await ledger.post([
    {
      idempotency_key: "bench:expiry:seed",
      asset: "points",
      amount: 1,
      from: platform("points_issued"),
      to: customer("bench_expiry_seed"),
      reason: "bench.earn",
      source_type: "bench",
      source_id: "seed",
    },
  ])
  const asOf = new Date()
  log(`loading ${lots.toLocaleString("en")} due lots over ${Math.min(accounts, Math.ceil(lots / 10)).toLocaleString("en")} accounts…`)
  const fill = await fillTo(knex, lots + 1, accounts, log, { expiresAt: new Date(asOf.getTime() - 86_400_000) })
  const tAnalyze = nowMs()
  await knex.raw(`VACUUM ANALYZE ledger_account, ledger_posting, ledger_lot_allocation`)
  const analyzeS = (nowMs() - tAnalyze) / 1000

  log(`running job ${JOB} as of ${asOf.toISOString()}…`)
  const t = nowMs()
  await expireLedgerLotsJob(container, { scheduledFor: asOf })
  const jobS = (nowMs() - t) / 1000

  const expiredPostings = await count(`SELECT COUNT(*) AS n FROM ledger_posting WHERE reason = 'expired' AND deleted_at IS NULL`)
  const allocations = await count(`SELECT COUNT(*) AS n FROM ledger_lot_allocation WHERE deleted_at IS NULL`)
  const stillDue = await count(
    `SELECT COUNT(*) AS n FROM ledger_posting p WHERE p.is_lot AND p.expires_at <= now() AND p.deleted_at IS NULL
        AND p.amount > COALESCE((SELECT SUM(a.amount) FROM ledger_lot_allocation a WHERE a.lot_posting_id = p.id AND a.deleted_at IS NULL), 0)`
  )
  const nonZeroFilled = await count(`SELECT COUNT(*) AS n FROM ledger_account WHERE id LIKE 'lacc_00bench%' AND posted <> 0`)
  log(`expired ${expiredPostings.toLocaleString("en")} lots in ${round(jobS)} s; reconciling…`)

  const tRerun = nowMs()
  await expireLedgerLotsJob(container, { scheduledFor: asOf })
  const rerunS = (nowMs() - tRerun) / 1000
  const afterRerun = await count(`SELECT COUNT(*) AS n FROM ledger_posting WHERE reason = 'expired' AND deleted_at IS NULL`)

  const tReconcile = nowMs()
  const reconciliation = await ledger.reconcile()
  const reconcileS = (nowMs() - tReconcile) / 1000

  const out = {
    lots,
    accounts: fill.accounts,
    fill: { inserted: fill.inserted, seconds: round(fill.seconds), lots_per_s: round(fill.inserted / fill.seconds, 0), vacuum_analyze_s: round(analyzeS) },
    job: {
      name: JOB,
      seconds: round(jobS),
      lots_expired: expiredPostings,
      lots_per_s: round(expiredPostings / jobS, 0),
      // one `expired` posting and one lot allocation per lot, one counter update per account
      rows_written: expiredPostings + allocations,
      rows_written_per_s: round((expiredPostings + allocations) / jobS, 0),
      lots_still_due: stillDue,
      filled_accounts_not_zero: nonZeroFilled,
    },
    rerun: { seconds: round(rerunS), new_expired_postings: afterRerun - expiredPostings },
    reconcile: { ok: (reconciliation as any).ok, seconds: round(reconcileS), report: reconciliation },
  }
  if (out.job.lots_expired !== lots || stillDue || nonZeroFilled || !out.reconcile.ok || out.rerun.new_expired_postings) {
    log(`CHECK FAILED: ${JSON.stringify({ ...out, reconcile: { ...out.reconcile } })}`)
  }
  fs.writeFileSync(process.env.BENCH_OUT!, JSON.stringify(out))
}

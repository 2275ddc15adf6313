import { MedusaContainer } from "@medusajs/framework/types"
import { REBATES_MODULE, RebatesModuleService } from "../modules/rebates"

/** A close that failed stays visible (status failed, the error) and is resumed by the next tick or an admin. */
export async function recordFailedRun(container: MedusaContainer, month: string, error: any) {
  const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
  const [run] = await service.listRebatePoolRuns({ month })
  if (run && run.status !== "completed") {
    await service.updateRebatePoolRuns({ id: run.id, status: "failed", error: String(error?.message ?? error).slice(0, 2000) })
  }
  return null
}

/** A run as the admin API shows it. */
export const poolRunView = (r: any) => ({
  id: r.id,
  month: r.month,
  status: r.status,
  currency_code: r.currency_code,
  pool_mode: r.pool_mode,
  gmv: Number(r.gmv),
  pool_amount: Number(r.pool_amount),
  paid_amount: Number(r.paid_amount),
  threshold: Number(r.threshold),
  holders: Number(r.holders),
  total_points: String(r.total_points),
  payout_destination: r.payout_destination,
  points_after_close: r.points_after_close,
  postings: Number(r.postings),
  points_reset: Number(r.points_reset),
  tiered_payouts: Number(r.tiered_payouts),
  tiered_amount: Number(r.tiered_amount),
  error: r.error ?? null,
  completed_at: r.completed_at ?? null,
  created_at: r.created_at,
})

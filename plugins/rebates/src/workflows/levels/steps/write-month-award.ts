import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"
import type { MonthAwardPlan } from "./plan-month-award"

export const awardPostingKey = (customer_id: string, month: string, seq: number) => `rebates:award:${customer_id}:${month}:${seq}`

/**
 * Records the plan: the customer's month (consumption, level, net award), a new
 * award row for a top-up, raised reversed totals. Runs under the customer's lock,
 * before the ledger steps; the ledger is then brought to these rows (posting every
 * row again is a replay, reversing to a total posts only what is missing), so a crash
 * between the two is repaired by the next evaluation. Compensation restores the rows.
 */
export const writeMonthAwardStep = createStep(
  "fission-rebates-write-month-award",
  async (plan: MonthAwardPlan, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const [before] = await service.listRebateMonths({ customer_id: plan.customer_id, month: plan.month })
    const values = {
      consumption: plan.consumption as any,
      level_id: plan.level?.id ?? null,
      level_position: plan.level?.position ?? null,
      awarded_points: plan.target,
      team_active: plan.team_active as any,
      evaluated_at: new Date(),
    }
    const month = before
      ? await service.updateRebateMonths({ id: before.id, ...values })
      : await service.createRebateMonths({ customer_id: plan.customer_id, month: plan.month, ...values })
    let created: any = null
    if (plan.top_up > 0) {
      const seq = plan.rows.length
      created = await service.createRebateAwards({
        customer_id: plan.customer_id,
        month: plan.month,
        seq,
        level_position: plan.level?.position ?? 0,
        amount: plan.top_up,
        posting_key: awardPostingKey(plan.customer_id, plan.month, seq),
      })
    }
    const raised = plan.reversals.map((r) => ({ id: plan.rows[r.index].id, reversed: r.reversed_to, before: plan.rows[r.index].reversed }))
    if (raised.length) await service.updateRebateAwards(raised.map(({ id, reversed }) => ({ id, reversed })))
    const rows = [
      ...plan.rows.map((r) => ({ ...r, reversed: raised.find((x) => x.id === r.id)?.reversed ?? r.reversed })),
      ...(created ? [{ id: created.id, seq: created.seq, amount: created.amount, reversed: 0, posting_key: created.posting_key }] : []),
    ]
    return new StepResponse(
      { month, rows },
      { before: before ?? null, month_id: month.id, created_id: created?.id ?? null, raised }
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    if (undo.created_id) await service.deleteRebateAwards(undo.created_id)
    if (undo.raised.length) await service.updateRebateAwards(undo.raised.map(({ id, before }) => ({ id, reversed: before })))
    if (undo.before) {
      const b = undo.before as any
      await service.updateRebateMonths({
        id: b.id, consumption: b.consumption, level_id: b.level_id, level_position: b.level_position,
        awarded_points: b.awarded_points, team_active: b.team_active, evaluated_at: b.evaluated_at,
      })
    } else await service.deleteRebateMonths(undo.month_id)
  }
)

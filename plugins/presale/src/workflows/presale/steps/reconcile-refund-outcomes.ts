import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFUND_REQUEST_MODULE } from "@fission/core/modules/refund-request"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"

const BATCH = 500
const MAX_BATCHES = 40

/**
 * The pre-sale's refund rows follow core's refund requests even when
 * `fission.refund.succeeded|failed` was lost (emitted after the request's commit by a
 * process that died): rows still waiting are compared with their requests, read through
 * core's refund-request module service, and a final outcome (succeeded, or failed with no
 * automatic retry left — exactly when core emits `fission.refund.failed`) goes through the
 * same conditional `recordRefundOutcome` the event's subscriber calls. So a late or
 * duplicate event, or another run, changes nothing. No compensation: a catch-up any
 * number of runs may repeat.
 */
export const reconcilePresaleRefundOutcomesStep = createStep(
  "fission-presale-reconcile-refund-outcomes",
  async (_input: Record<string, never> | undefined, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    const requests = container.resolve<any>(REFUND_REQUEST_MODULE)
    let after = ""
    let recorded = 0
    for (let batch = 0; batch < MAX_BATCHES; batch++) {
      const rows = await service.waitingRefunds(after, BATCH)
      if (!rows.length) break
      after = rows[rows.length - 1].id
      const final = await requests.listRefundRequests(
        { id: rows.map((r) => r.request_id), status: ["succeeded", "failed"] },
        { select: ["id", "status", "next_attempt_at", "refunded_amount", "raw_refunded_amount"], take: rows.length }
      )
      const byId = new Map<string, any>(final.map((r: any) => [r.id, r]))
      for (const row of rows) {
        const request = byId.get(row.request_id)
        if (!request) continue
        const succeeded = request.status === "succeeded"
        // a failed request with a retry still scheduled is not an outcome yet; a failed row only moves on success
        if (!succeeded && (request.next_attempt_at || row.status === "failed")) continue
        const amount = request.raw_refunded_amount?.value ?? request.refunded_amount
        const changed = await service.recordRefundOutcome({
          cause_key: row.cause_key,
          request_id: request.id,
          succeeded,
          refunded_amount: succeeded && amount != null ? String(amount) : null,
        })
        if (changed) recorded++
      }
      if (rows.length < BATCH) break
    }
    return new StepResponse(recorded)
  }
)

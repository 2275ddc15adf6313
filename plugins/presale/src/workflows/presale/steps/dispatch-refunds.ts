import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { createRefundRequestsWorkflow } from "@fission/core/workflows"
import { PRESALE_MODULE, PresaleModuleService } from "../../../modules/presale"

export const REFUND_SOURCE = "presale.campaign"
const BATCH = 500

/**
 * Hands the campaign's pending refund rows to @fission/core as refund requests (the only way
 * a plugin refunds money): same cause key, amount, mode and destination as the row, so a
 * crash after core recorded a request and before the row was marked is finished by the next
 * dispatch (core answers `created: false` for the key). Core attempts, retries and reports
 * them (`fission.refund.succeeded|failed`). No compensation: requests are idempotent records.
 */
export const dispatchPresaleRefundsStep = createStep(
  "fission-presale-dispatch-refunds",
  async (input: { campaign_id: string }, { container }) => {
    const service = container.resolve<PresaleModuleService>(PRESALE_MODULE)
    let dispatched = 0
    for (let guard = 0; guard < 10_000; guard++) {
      const rows = await service.pendingRefunds(input.campaign_id, BATCH)
      if (!rows.length) break
      const { result } = await createRefundRequestsWorkflow(container).run({
        input: {
          requests: rows.map((r: any) => ({
            cause_key: r.cause_key,
            order_id: r.order_id,
            mode: r.mode,
            ...(r.mode === "partial" ? { amount: String(r.amount) } : {}),
            destination: r.destination,
            source_type: REFUND_SOURCE,
            source_id: r.campaign_id,
            reason: `presale.${r.kind}`,
            metadata: { presale_refund_id: r.id, participant_id: r.participant_id },
          })),
        },
      })
      const byKey = new Map<string, string>((result as any[]).map((x) => [x.request.cause_key, x.request.id]))
      const marked = rows.filter((r: any) => byKey.has(r.cause_key)).map((r: any) => ({ id: r.id, request_id: byKey.get(r.cause_key)! }))
      await service.markRequested(marked)
      dispatched += marked.length
      if (rows.length < BATCH || !marked.length) break
    }
    return new StepResponse(dispatched)
  }
)

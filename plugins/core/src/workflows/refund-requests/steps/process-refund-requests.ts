import { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Limiter } from "../../../utils/concurrency"
import { processRefundRequestWorkflow } from "../workflows/process-refund-request"

export const processRefundRequestsStepId = "fission-process-refund-requests"

/** Refund attempts running at once in this process, however many batches ask (pool of 10 connections). */
export const REFUND_CONCURRENCY = 4
const LIMITER_KEY = Symbol.for("fission.refund-requests.limiter")
const limiter = (): Limiter => ((globalThis as any)[LIMITER_KEY] ??= new Limiter(REFUND_CONCURRENCY))

export type ProcessedRefundRequest = {
  id: string
  /** False when the request was not claimable (done, being processed elsewhere, not due). */
  attempted: boolean
  status: string | null
  error: string | null
}

/** Requests in one attempt run: full cancels among them go together (executeRefundStep). */
const BATCH = 6

async function processBatch(container: MedusaContainer, ids: string[], options: { force?: boolean; as_of?: Date | string }) {
  const { result } = await processRefundRequestWorkflow(container).run({ input: { ids, ...options } })
  const byId = new Map(result.filter((r) => r.request).map((r) => [r.request!.id, r.request!]))
  return ids.map((id): ProcessedRefundRequest => {
    const request = byId.get(id)
    return {
      id,
      attempted: !!request,
      status: request?.status ?? null,
      error: request?.status === "failed" ? request.last_error : null,
    }
  })
}

/**
 * Attempts the requests in runs of up to BATCH (see processRefundRequestWorkflow: one refund's
 * failure never rolls back another), spread so that REFUND_CONCURRENCY runs at a time in this
 * process share them. No compensation: each run recorded its own outcomes.
 */
export const processRefundRequestsStep = createStep(
  processRefundRequestsStepId,
  async (input: { ids: string[]; force?: boolean; as_of?: Date | string }, { container }) => {
    const ids = [...new Set(input.ids ?? [])]
    const size = Math.min(BATCH, Math.max(1, Math.ceil(ids.length / REFUND_CONCURRENCY)))
    const batches: string[][] = []
    for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size))
    const results = await Promise.all(
      batches.map((batch) =>
        limiter().run(() =>
          processBatch(container, batch, { force: input.force, as_of: input.as_of }).catch((e: any) =>
            batch.map((id) => ({ id, attempted: true, status: null, error: String(e?.message ?? e) }))
          )
        )
      )
    )
    return new StepResponse<ProcessedRefundRequest[]>(results.flat())
  }
)

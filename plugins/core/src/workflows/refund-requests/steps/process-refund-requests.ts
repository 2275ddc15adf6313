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

export async function processOne(container: MedusaContainer, id: string, options: { force?: boolean; as_of?: Date | string }) {
  const { result } = await processRefundRequestWorkflow(container).run({ input: { id, ...options } })
  return {
    id,
    attempted: !!result.request,
    status: result.request?.status ?? null,
    error: result.request?.status === "failed" ? result.request.last_error : null,
  }
}

/**
 * Attempts each request with its own workflow run (one refund = one unit of work: a
 * failure of one never rolls back another), at most REFUND_CONCURRENCY at a time in this
 * process. No compensation: each run recorded its own outcome.
 */
export const processRefundRequestsStep = createStep(
  processRefundRequestsStepId,
  async (input: { ids: string[]; force?: boolean; as_of?: Date | string }, { container }) => {
    const ids = [...new Set(input.ids ?? [])]
    const results = await Promise.all(
      ids.map((id) =>
        limiter().run(() =>
          processOne(container, id, { force: input.force, as_of: input.as_of }).catch((e: any) => ({
            id,
            attempted: true,
            status: null,
            error: String(e?.message ?? e),
          }))
        )
      )
    )
    return new StepResponse<ProcessedRefundRequest[]>(results)
  }
)

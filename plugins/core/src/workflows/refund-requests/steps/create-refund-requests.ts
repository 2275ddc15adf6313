import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  CreateRefundRequestInput,
  NewRefundRequest,
  REFUND_REQUEST_MODULE,
  RefundRequestModuleService,
  RefundRequestRow,
} from "../../../modules/refund-request"
import { LedgerInputError, parseAmount } from "../../../utils/ledger"
import { REFUND_RETRY } from "../../../utils/refunds"

export const createRefundRequestsStepId = "fission-create-refund-requests"

/** How long a request created for its caller to process (`process: "caller"`) waits before the sweep may take it. */
export const CALLER_GRACE_SECONDS = 60

export type CreateRefundRequestsStepInput = {
  requests: CreateRefundRequestInput[]
  process?: "async" | "caller"
  /**
   * Ids per `fission.refund.requested` message with `process: "async"` (1..100, default 100).
   * Each message is attempted by one worker process, so smaller batches spread a large set
   * (a group's hundreds of losers) over more workers.
   */
  announce_batch?: number
}

export type CreatedRefundRequest = { request: RefundRequestRow; created: boolean }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const text = (v: unknown, field: string, max = 200) => {
  if (typeof v !== "string" || !v.trim() || v.length > max || v.includes("\u0000")) {
    throw invalid(`${field} must be a non-empty string of at most ${max} characters`)
  }
  return v
}

function validate(r: CreateRefundRequestInput, i: number): Omit<NewRefundRequest, "currency_code" | "customer_id"> {
  const at = `requests[${i}]`
  if (r.mode !== "partial" && r.mode !== "cancel") throw invalid(`${at}.mode must be "partial" or "cancel"`)
  const destination = r.destination ?? "original_payment"
  if (destination !== "original_payment" && destination !== "store_credit") {
    throw invalid(`${at}.destination must be "original_payment" or "store_credit"`)
  }
  let amount: string | null = null
  if (r.mode === "partial") {
    try {
      amount = parseAmount(r.amount, "store_credit", `${at}.amount`)
    } catch (e) {
      if (e instanceof LedgerInputError) throw invalid(e.message)
      throw e
    }
  } else {
    if (r.amount !== undefined && r.amount !== null) throw invalid(`${at}.amount: a cancel refunds everything captured, give no amount`)
    if (destination !== "original_payment") {
      throw invalid(`${at}: a cancel refunds the original payment; for store credit ask for a partial refund of the amount`)
    }
  }
  const max_attempts = r.max_attempts ?? REFUND_RETRY.max_attempts
  if (!Number.isInteger(max_attempts) || max_attempts < 1 || max_attempts > 100) throw invalid(`${at}.max_attempts must be 1..100`)
  return {
    cause_key: text(r.cause_key, `${at}.cause_key`),
    order_id: text(r.order_id, `${at}.order_id`, 100),
    mode: r.mode,
    destination,
    amount,
    source_type: text(r.source_type, `${at}.source_type`, 100),
    source_id: text(r.source_id, `${at}.source_id`, 100),
    reason: r.reason ?? null,
    note: r.note ?? null,
    metadata: r.metadata ?? null,
    max_attempts,
  }
}

/** Currency and customer of each order, one query for the whole batch. */
async function ordersOf(container: MedusaContainer, ids: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const found = new Map<string, { currency_code: string; customer_id: string | null }>()
  for (let i = 0; i < ids.length; i += 500) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "currency_code", "customer_id"],
      filters: { id: ids.slice(i, i + 500) },
    })
    for (const o of data as any[]) found.set(o.id, { currency_code: o.currency_code, customer_id: o.customer_id ?? null })
  }
  return found
}

/**
 * Validates and records refund requests, one per cause key (a known key returns the
 * first request). Cheap per request: one order query and one multi-row insert per 500.
 * Compensation deletes only the requests this run created and nobody attempted yet; an
 * attempted request may have moved money, so it stays for the sweep to finish.
 */
export const createRefundRequestsStep = createStep(
  createRefundRequestsStepId,
  async (input: CreateRefundRequestsStepInput, { container }) => {
    const requests = (input.requests ?? []).map(validate)
    const keys = new Set<string>()
    for (const r of requests) {
      if (keys.has(r.cause_key)) throw invalid(`cause_key ${r.cause_key} appears twice in one batch`)
      keys.add(r.cause_key)
    }
    if (!requests.length) return new StepResponse<CreatedRefundRequest[], string[]>([], [])
    const orders = await ordersOf(container, [...new Set(requests.map((r) => r.order_id))])
    const rows: NewRefundRequest[] = requests.map((r) => {
      const order = orders.get(r.order_id)
      if (!order) throw invalid(`order ${r.order_id} was not found (cause_key ${r.cause_key})`)
      return { ...r, currency_code: order.currency_code, customer_id: order.customer_id }
    })
    const service = container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE)
    const first_attempt_at = new Date(Date.now() + (input.process === "caller" ? CALLER_GRACE_SECONDS * 1000 : 0))
    const results = await service.createOrReplay(rows, { first_attempt_at })
    const created = results.filter((r) => r.created).map((r) => r.request.id)
    return new StepResponse<CreatedRefundRequest[], string[]>(results, created)
  },
  async (created, { container }) => {
    if (!created?.length) return
    await container.resolve<RefundRequestModuleService>(REFUND_REQUEST_MODULE).discardUnattempted(created)
  }
)

import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { RefundRequest } from "./models"
import { claim, dueIds, fail, succeed } from "./store/attempts"
import { createOrReplay, discardUnattempted } from "./store/create"
import { toRow, Trx } from "./store/rows"

/**
 * How long an attempt holds its request before the sweep may take it over (its process died):
 * FISSION_REFUND_LEASE_SECONDS, default 120, at least 10. Safety never rests on it — refunds of an
 * order are serialized by a lock and recomputed from what Medusa recorded — only how soon a
 * dead process's attempts are retried.
 */
export const refundLeaseSeconds = () => Math.max(10, Math.floor(Number(process.env.FISSION_REFUND_LEASE_SECONDS) || 120))
import { NewRefundRequest, RefundRecord, RefundRequestRow } from "./types"

const knexOf = (sharedContext: Context): Trx => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/**
 * Refund requests (see models/refund-request.ts). Creation, claiming an attempt and
 * recording its outcome are single conditional statements, so concurrent callers on
 * several instances agree in Postgres on who refunds what, and when.
 */
export default class RefundRequestModuleService extends MedusaService({ RefundRequest }) {
  /** Creates the requests of new cause keys; returns each request with `created`. */
  @InjectManager()
  async createOrReplay(
    requests: NewRefundRequest[],
    { first_attempt_at }: { first_attempt_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ) {
    if (!requests.length) return []
    return this.createOrReplay_(requests, first_attempt_at, sharedContext)
  }

  @InjectTransactionManager()
  protected async createOrReplay_(requests: NewRefundRequest[], firstAttemptAt: Date, @MedusaContext() sharedContext: Context = {}) {
    return createOrReplay(knexOf(sharedContext), requests, firstAttemptAt)
  }

  @InjectTransactionManager()
  async discardUnattempted(ids: string[], @MedusaContext() sharedContext: Context = {}) {
    return discardUnattempted(knexOf(sharedContext), ids)
  }

  /** Takes the request for one attempt (a lease of refundLeaseSeconds()), or null when it is not claimable (done, leased, not due). */
  @InjectTransactionManager()
  async claimAttempt(
    id: string,
    options: { force?: boolean; as_of?: Date; lease_seconds?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RefundRequestRow | null> {
    return claim(knexOf(sharedContext), id, {
      force: !!options.force,
      as_of: options.as_of ?? new Date(),
      lease_seconds: options.lease_seconds ?? refundLeaseSeconds(),
    })
  }

  @InjectTransactionManager()
  async recordSuccess(
    id: string,
    attempt: number,
    result: { refunded_amount: string; refunds: RefundRecord[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return succeed(knexOf(sharedContext), id, attempt, result)
  }

  @InjectTransactionManager()
  async recordFailure(
    id: string,
    attempt: number,
    failure: { error: string; next_attempt_at: Date | null; refunded_amount?: string; refunds?: RefundRecord[] },
    @MedusaContext() sharedContext: Context = {}
  ) {
    return fail(knexOf(sharedContext), id, attempt, failure)
  }

  @InjectManager()
  async listDueIds({ as_of, limit }: { as_of: Date; limit: number }, @MedusaContext() sharedContext: Context = {}) {
    return dueIds(knexOf(sharedContext), as_of, limit)
  }

  /** The request as a plain row (amounts as decimal strings); NOT_FOUND when unknown. */
  @InjectManager()
  async retrieveRow(id: string, @MedusaContext() sharedContext: Context = {}): Promise<RefundRequestRow> {
    // an id Postgres cannot even compare (a NUL byte, absurd length) names no request
    if (typeof id !== "string" || id.length > 100 || id.includes("\u0000")) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Refund request with id: ${String(id).replace(/\u0000/g, "\\0").slice(0, 100)} was not found`)
    }
    const { rows } = await knexOf(sharedContext).raw(
      `SELECT * FROM fission_refund_request WHERE id = ? AND deleted_at IS NULL`,
      [id]
    )
    if (!rows[0]) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Refund request with id: ${id} was not found`)
    return toRow(rows[0])
  }
}

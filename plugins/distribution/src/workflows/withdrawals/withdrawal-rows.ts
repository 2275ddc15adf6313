import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { WithdrawalAction, withdrawalConflictMessage, WITHDRAWAL_TRANSITIONS } from "../../utils/withdrawals"

/**
 * The few writes to the `withdrawal` table (module fission_distribution) that must
 * be decided inside Postgres, through the shared connection: each runs in its own
 * short transaction.
 */
export type WithdrawalRow = {
  id: string
  customer_id: string
  amount: string
  fee: string
  net_amount: string
  currency_code: string
  method: string
  account: string | null
  status: "requested" | "approved" | "paid" | "rejected"
  reference: string | null
  review_reason: string | null
  reviewed_by: string | null
  reviewed_at: Date | null
  paid_at: Date | null
  created_at: Date
  updated_at: Date
}

const knexOf = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
const raw = (value: string) => JSON.stringify({ value, precision: 20 })
const COLUMNS = `id, customer_id, amount, fee, net_amount, currency_code, method, account, status, reference,
  review_reason, reviewed_by, reviewed_at, paid_at, created_at, updated_at`

export type NewWithdrawal = {
  customer_id: string
  amount: string
  fee: string
  net_amount: string
  currency_code: string
  method: string
  account: string | null
  daily_limit: number
}

/**
 * Inserts a request unless the customer already has `daily_limit` requests today
 * (UTC; rejected ones do not count). A transaction-scoped advisory lock per
 * customer serialises the count-then-insert, so N parallel requests can never
 * exceed the limit, on any number of server instances.
 */
export async function insertWithdrawalWithinDailyLimit(container: MedusaContainer, input: NewWithdrawal): Promise<WithdrawalRow> {
  return await knexOf(container).transaction(async (trx: any) => {
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtext(?))`, [`fission:withdrawal:${input.customer_id}`])
    const { rows: counted } = await trx.raw(
      `SELECT count(*)::int AS n FROM withdrawal
        WHERE customer_id = ? AND deleted_at IS NULL AND status <> 'rejected'
          AND created_at >= (date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')`,
      [input.customer_id]
    )
    if (counted[0].n >= input.daily_limit) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Daily withdrawal limit reached: at most ${input.daily_limit} withdrawal requests per day`
      )
    }
    const { rows } = await trx.raw(
      `INSERT INTO withdrawal (id, customer_id, amount, raw_amount, fee, raw_fee, net_amount, raw_net_amount,
                               currency_code, method, account, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested')
       RETURNING ${COLUMNS}`,
      [
        generateEntityId(undefined, "wdr"),
        input.customer_id,
        input.amount,
        raw(input.amount),
        input.fee,
        raw(input.fee),
        input.net_amount,
        raw(input.net_amount),
        input.currency_code,
        input.method,
        input.account,
      ]
    )
    return rows[0]
  })
}

/** Undo of a request whose funds could not be held: it never happened (hard delete). */
export async function deleteRequestedWithdrawal(container: MedusaContainer, id: string) {
  await knexOf(container).raw(`DELETE FROM withdrawal WHERE id = ? AND status = 'requested'`, [id])
}

export type TransitionFields = Partial<Pick<WithdrawalRow, "review_reason" | "reviewed_by" | "reference">> & {
  stamp_reviewed_at?: boolean
  stamp_paid_at?: boolean
}

/**
 * Moves a withdrawal along `action` under a row lock: exactly one of several
 * concurrent admin clicks wins; the others get a 400 `not_allowed` naming the status they found.
 * Returns the new row and the previous one (for compensation).
 */
export async function transitionWithdrawal(
  container: MedusaContainer,
  id: string,
  action: WithdrawalAction,
  fields: TransitionFields
): Promise<{ withdrawal: WithdrawalRow; previous: WithdrawalRow }> {
  const { from, to } = WITHDRAWAL_TRANSITIONS[action]
  return await knexOf(container).transaction(async (trx: any) => {
    const { rows: found } = await trx.raw(
      `SELECT ${COLUMNS} FROM withdrawal WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
      [id]
    )
    const previous: WithdrawalRow | undefined = found[0]
    if (!previous) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal with id: ${id} was not found`)
    if (!(from as string[]).includes(previous.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, withdrawalConflictMessage(id, previous.status, action))
    }
    const { rows } = await trx.raw(
      `UPDATE withdrawal
          SET status = :to,
              review_reason = COALESCE(:review_reason, review_reason),
              reviewed_by = COALESCE(:reviewed_by, reviewed_by),
              reference = COALESCE(:reference, reference),
              reviewed_at = CASE WHEN :stamp_reviewed_at THEN now() ELSE reviewed_at END,
              paid_at = CASE WHEN :stamp_paid_at THEN now() ELSE paid_at END,
              updated_at = now()
        WHERE id = :id
        RETURNING ${COLUMNS}`,
      {
        id,
        to,
        review_reason: fields.review_reason ?? null,
        reviewed_by: fields.reviewed_by ?? null,
        reference: fields.reference ?? null,
        stamp_reviewed_at: !!fields.stamp_reviewed_at,
        stamp_paid_at: !!fields.stamp_paid_at,
      }
    )
    return { withdrawal: rows[0], previous }
  })
}

/** Compensation of a transition: puts the row back as it was, only if nothing moved it since. */
export async function restoreWithdrawal(container: MedusaContainer, previous: WithdrawalRow, from: WithdrawalRow["status"]) {
  await knexOf(container).raw(
    `UPDATE withdrawal
        SET status = :status, review_reason = :review_reason, reviewed_by = :reviewed_by, reference = :reference,
            reviewed_at = :reviewed_at, paid_at = :paid_at, updated_at = now()
      WHERE id = :id AND status = :from`,
    {
      id: previous.id,
      from,
      status: previous.status,
      review_reason: previous.review_reason,
      reviewed_by: previous.reviewed_by,
      reference: previous.reference,
      reviewed_at: previous.reviewed_at,
      paid_at: previous.paid_at,
    }
  )
}

/** Records the payout provider's reference on a paid withdrawal. */
export async function recordWithdrawalReference(container: MedusaContainer, id: string, reference: string) {
  const { rows } = await knexOf(container).raw(
    `UPDATE withdrawal SET reference = ?, updated_at = now() WHERE id = ? AND status = 'paid' RETURNING ${COLUMNS}`,
    [reference, id]
  )
  return rows[0] as WithdrawalRow | undefined
}

export type WithdrawalTotalsFilter = { status?: string; customer_id?: string }

/** Count and sums per status of the withdrawals matching the admin queue's filters. */
export async function withdrawalTotals(container: MedusaContainer, filter: WithdrawalTotalsFilter) {
  const where = ["deleted_at IS NULL"]
  const bindings: string[] = []
  if (filter.status) {
    where.push("status = ?")
    bindings.push(filter.status)
  }
  if (filter.customer_id) {
    where.push("customer_id = ?")
    bindings.push(filter.customer_id)
  }
  const { rows } = await knexOf(container).raw(
    `SELECT status, count(*)::int AS count, sum(amount)::text AS amount, sum(fee)::text AS fee,
            sum(net_amount)::text AS net_amount
       FROM withdrawal WHERE ${where.join(" AND ")} GROUP BY status ORDER BY status`,
    bindings
  )
  return rows as { status: string; count: number; amount: string; fee: string; net_amount: string }[]
}

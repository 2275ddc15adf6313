import { MedusaError } from "@medusajs/framework/utils"
import { WithdrawalAction, withdrawalConflictMessage, WITHDRAWAL_TRANSITIONS } from "../../../utils/withdrawals"
import { rows, Trx } from "../sql"
import { WITHDRAWAL_COLUMNS, WithdrawalRow, WithdrawalStatus } from "./row"

export type TransitionFields = Partial<Pick<WithdrawalRow, "review_reason" | "reviewed_by" | "reference">> & {
  stamp_reviewed_at?: boolean
  stamp_paid_at?: boolean
}

export type WithdrawalTransition = { withdrawal: WithdrawalRow; previous: WithdrawalRow }

/**
 * Moves a withdrawal along `action` under a row lock (`FOR UPDATE`): exactly one
 * of several concurrent admin clicks wins. The others find the status the winner
 * left and are refused with a message naming it ("Withdrawal … is paid; only
 * approved withdrawals can be marked paid") — NOT_ALLOWED, a 400 whose message
 * reaches the client (Medusa replaces the message of a CONFLICT). Must run in a
 * transaction. Returns the new row and the previous one (for compensation).
 */
export async function transition(trx: Trx, id: string, action: WithdrawalAction, fields: TransitionFields): Promise<WithdrawalTransition> {
  const { from, to } = WITHDRAWAL_TRANSITIONS[action]
  const [previous] = await rows<WithdrawalRow>(
    trx,
    `SELECT ${WITHDRAWAL_COLUMNS} FROM withdrawal WHERE id = ? AND deleted_at IS NULL FOR UPDATE`,
    [id]
  )
  if (!previous) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Withdrawal with id: ${id} was not found`)
  if (!(from as string[]).includes(previous.status)) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, withdrawalConflictMessage(id, previous.status, action))
  }
  const [withdrawal] = await rows<WithdrawalRow>(
    trx,
    `UPDATE withdrawal
        SET status = :to,
            review_reason = COALESCE(:review_reason, review_reason),
            reviewed_by = COALESCE(:reviewed_by, reviewed_by),
            reference = COALESCE(:reference, reference),
            reviewed_at = CASE WHEN :stamp_reviewed_at THEN now() ELSE reviewed_at END,
            paid_at = CASE WHEN :stamp_paid_at THEN now() ELSE paid_at END,
            updated_at = now()
      WHERE id = :id
      RETURNING ${WITHDRAWAL_COLUMNS}`,
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
  return { withdrawal, previous }
}

/** Compensation of a transition: puts the row back as it was, only if nothing moved it on from `from` since. */
export async function restore(trx: Trx, previous: WithdrawalRow, from: WithdrawalStatus): Promise<void> {
  await trx.raw(
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

/** Records the payout provider's reference on a paid withdrawal; undefined if it is not (or no longer) paid. */
export async function recordReference(trx: Trx, id: string, reference: string): Promise<WithdrawalRow | undefined> {
  const [row] = await rows<WithdrawalRow>(
    trx,
    `UPDATE withdrawal SET reference = ?, updated_at = now() WHERE id = ? AND status = 'paid' RETURNING ${WITHDRAWAL_COLUMNS}`,
    [reference, id]
  )
  return row
}

import { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { admitCompletion, Refusal, RepeatRule } from "../../utils/tasks"
import * as models from "./models"

type Trx = any

const knexOf = (sharedContext: Context): Trx => {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

async function rows<T = any>(trx: Trx, sql: string, bindings: unknown[] = []): Promise<T[]> {
  return (await trx.raw(sql, bindings)).rows as T[]
}

const COLUMNS = `id, task_id, customer_id, completion_key, status, local_date, cause_type, cause_id, points, growth,
  reward_promotion_id, coupon_promotion_id, coupon_code, completed_at, created_at`

export type TaskCompletionRow = {
  id: string
  task_id: string
  customer_id: string
  completion_key: string
  status: "claimable" | "completed"
  local_date: string
  cause_type: string
  cause_id: string
  points: number
  growth: number
  reward_promotion_id: string | null
  coupon_promotion_id: string | null
  coupon_code: string | null
  completed_at: Date | null
  created_at: Date
}

export type RecordCompletionInput = {
  task_id: string
  customer_id: string
  repeat_rule: RepeatRule
  cap: number | null
  completion_key: string
  status: "claimable" | "completed"
  local_date: string
  cause_type: string
  cause_id: string
  points: number
  growth: number
  reward_promotion_id: string | null
}

export type CompletionOutcome =
  | { outcome: "recorded"; completion: TaskCompletionRow }
  | { outcome: "duplicate"; completion: TaskCompletionRow }
  | { outcome: Refusal; completion: null }

export type TaskProgressRow = { task_id: string; total: number; today: number; claimable: number }

/**
 * Member tasks: definitions, completions and product reviews. Completion
 * limits are decided in Postgres: per task and customer a transaction-scoped
 * advisory lock serialises writers, the counts are read under it, and the unique
 * `completion_key` index makes each cause count once.
 */
export default class MemberTasksModuleService extends MedusaService({ ...models }) {
  /**
   * Records a completion unless its cause was already counted (`duplicate`, the
   * first row is returned) or the repeat rule / cap refuses one more.
   */
  @InjectTransactionManager()
  async recordCompletion(input: RecordCompletionInput, @MedusaContext() sharedContext: Context = {}): Promise<CompletionOutcome> {
    const trx = knexOf(sharedContext)
    await trx.raw(`SELECT pg_advisory_xact_lock(hashtextextended(?, 0))`, [`fission_member_task:${input.task_id}:${input.customer_id}`])
    const [existing] = await rows<TaskCompletionRow>(
      trx,
      `SELECT ${COLUMNS} FROM task_completion WHERE completion_key = ? AND deleted_at IS NULL`,
      [input.completion_key]
    )
    if (existing) return { outcome: "duplicate", completion: existing }
    const [done] = await rows<{ total: string; today: string }>(
      trx,
      `SELECT COUNT(*)::text AS total, COUNT(*) FILTER (WHERE local_date = ?)::text AS today
         FROM task_completion WHERE task_id = ? AND customer_id = ? AND deleted_at IS NULL`,
      [input.local_date, input.task_id, input.customer_id]
    )
    const refusal = admitCompletion(input, { total: Number(done.total), today: Number(done.today) })
    if (refusal) return { outcome: refusal, completion: null }
    const [completion] = await rows<TaskCompletionRow>(
      trx,
      `INSERT INTO task_completion (id, task_id, customer_id, completion_key, status, local_date, cause_type, cause_id,
         points, growth, reward_promotion_id, completed_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 'completed' THEN now() END, now(), now())
       RETURNING ${COLUMNS}`,
      [
        generateEntityId(undefined, "mtcomp"),
        input.task_id,
        input.customer_id,
        input.completion_key,
        input.status,
        input.local_date,
        input.cause_type,
        input.cause_id,
        input.points,
        input.growth,
        input.reward_promotion_id,
        input.status,
      ]
    )
    return { outcome: "recorded", completion }
  }

  /**
   * Claims the customer's oldest claimable completion of the task: a conditional
   * update, so of concurrent claims exactly one gets a row (the others skip the
   * locked row and find none).
   */
  @InjectTransactionManager()
  async claimCompletion(task_id: string, customer_id: string, @MedusaContext() sharedContext: Context = {}) {
    const [row] = await rows<TaskCompletionRow>(
      knexOf(sharedContext),
      `UPDATE task_completion SET status = 'completed', completed_at = now(), updated_at = now()
        WHERE id = (SELECT id FROM task_completion
                     WHERE task_id = ? AND customer_id = ? AND status = 'claimable' AND deleted_at IS NULL
                     ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
          AND status = 'claimable'
        RETURNING ${COLUMNS}`,
      [task_id, customer_id]
    )
    return row ?? null
  }

  /** Compensation of claimCompletion (the reward could not be paid). */
  @InjectTransactionManager()
  async unclaimCompletion(id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(
      `UPDATE task_completion SET status = 'claimable', completed_at = NULL, updated_at = now() WHERE id = ?`,
      [id]
    )
  }

  /** Compensation of recordCompletion: the cause may be counted again on a retry. */
  @InjectTransactionManager()
  async removeCompletion(id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`DELETE FROM task_completion WHERE id = ?`, [id])
  }

  /** Remembers the coupon a completion granted (null clears it: compensation). */
  @InjectTransactionManager()
  async setCompletionCoupon(id: string, promotion_id: string | null, code: string | null, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(
      `UPDATE task_completion SET coupon_promotion_id = ?, coupon_code = ?, updated_at = now() WHERE id = ?`,
      [promotion_id, code, id]
    )
  }

  /** Completions per task of one customer: all time, on `local_date`, and waiting for a claim. */
  @InjectManager()
  async progressOf(customer_id: string, task_ids: string[], local_date: string, @MedusaContext() sharedContext: Context = {}) {
    if (!task_ids.length) return [] as TaskProgressRow[]
    const found = await rows<{ task_id: string; total: string; today: string; claimable: string }>(
      knexOf(sharedContext),
      `SELECT task_id, COUNT(*)::text AS total,
              COUNT(*) FILTER (WHERE local_date = ?)::text AS today,
              COUNT(*) FILTER (WHERE status = 'claimable')::text AS claimable
         FROM task_completion
        WHERE customer_id = ? AND task_id = ANY(?) AND deleted_at IS NULL
        GROUP BY task_id`,
      [local_date, customer_id, task_ids]
    )
    return found.map((r) => ({ task_id: r.task_id, total: Number(r.total), today: Number(r.today), claimable: Number(r.claimable) }))
  }

  /**
   * Stores a review, one per customer and product (unique index); null if the
   * customer already reviewed that product.
   */
  @InjectTransactionManager()
  async recordReview(
    input: { customer_id: string; product_id: string; order_id: string; rating: number; content: string | null },
    @MedusaContext() sharedContext: Context = {}
  ) {
    const [row] = await rows(
      knexOf(sharedContext),
      `INSERT INTO product_review (id, customer_id, product_id, order_id, rating, content, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, now(), now())
       ON CONFLICT (customer_id, product_id) WHERE deleted_at IS NULL DO NOTHING
       RETURNING id, customer_id, product_id, order_id, rating, content, created_at`,
      [generateEntityId(undefined, "mrev"), input.customer_id, input.product_id, input.order_id, input.rating, input.content]
    )
    return row ?? null
  }

  /** Compensation of recordReview. */
  @InjectTransactionManager()
  async removeReview(id: string, @MedusaContext() sharedContext: Context = {}) {
    await knexOf(sharedContext).raw(`DELETE FROM product_review WHERE id = ?`, [id])
  }
}

import { model } from "@medusajs/framework/utils"

/**
 * One completion of a task by a customer. `completion_key` is built from the
 * cause (task + customer + order / invitee / local day / report), and its unique
 * index makes every cause count once, however often its event is delivered.
 * Claim-mode tasks start `claimable`; the claim moves the row to `completed`
 * (a conditional update), and only `completed` rows have paid their reward.
 * The reward is copied from the task when the row is created.
 */
const TaskCompletion = model
  .define("task_completion", {
    id: model.id({ prefix: "mtcomp" }).primaryKey(),
    task_id: model.text(),
    customer_id: model.text(),
    completion_key: model.text(),
    status: model.enum(["claimable", "completed"]),
    // YYYY-MM-DD in the store time zone when the cause happened (daily repeat rule)
    local_date: model.text(),
    cause_type: model.text(),
    cause_id: model.text(),
    points: model.number().default(0),
    growth: model.number().default(0),
    reward_promotion_id: model.text().nullable(),
    coupon_promotion_id: model.text().nullable(),
    coupon_code: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["completion_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["task_id", "customer_id", "status"] },
    { on: ["customer_id", "created_at"] },
  ])

export default TaskCompletion

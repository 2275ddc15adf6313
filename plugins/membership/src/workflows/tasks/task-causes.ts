/**
 * What each event counts toward (SPEC §6.4). Every cause runs
 * completeMemberTaskWorkflow on its own: each completion is atomic and keyed by
 * its cause, so a redelivered event, or one failing half-way, is simply replayed.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../modules/member-tasks"
import { referrerOf } from "../../utils/referrer"
import { customerProfile, orderFacts, ordersOf } from "../../utils/task-lookups"
import { isPaidOrder, paidOrderWithProduct, previousPaidOrder } from "../../utils/task-orders"
import { DEFAULT_PROFILE_FIELDS, isTaskOpen, missingProfileFields, TaskKind, withinDays } from "../../utils/tasks"
import { TaskCauseInput } from "./steps/record-task-completion"
import { completeMemberTaskWorkflow } from "./workflows/complete-member-task"

type Task = { id: string; kind: TaskKind; params: Record<string, any> | null; completion_mode: string }

/** Tasks of these kinds that are open at `at`. */
async function openTasks(container: MedusaContainer, kinds: TaskKind[], at: Date): Promise<Task[]> {
  const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
  const tasks = await service.listMemberTasks({ kind: kinds, is_active: true }, { order: { position: "ASC", created_at: "ASC" } })
  return tasks.filter((t) => isTaskOpen(t as any, at)) as unknown as Task[]
}

async function complete(container: MedusaContainer, task: Task, cause: Omit<TaskCauseInput, "task_id">) {
  const { result } = await completeMemberTaskWorkflow(container).run({ input: { ...cause, task_id: task.id } })
  return { task_id: task.id, ...result }
}

/**
 * A paid order (SPEC §0.3) counts toward: first purchase within N days of
 * sign-up (the buyer, order placed ≤ N days after the account was created),
 * repurchase within N days (the buyer, placed ≤ N days after their previous paid
 * order) and invite purchase (the buyer's referrer, for the invitee's first paid order).
 */
export async function onOrderPaidForTasks(container: MedusaContainer, order_id: string) {
  const at = new Date()
  const tasks = await openTasks(container, ["first_purchase_within_days", "repurchase_within_days", "invite_purchase"], at)
  if (!tasks.length) return []
  const order = await orderFacts(container, order_id)
  if (!order?.customer_id || !isPaidOrder(order)) return []
  const buyer = order.customer_id
  const history = await ordersOf(container, buyer)
  const previous = previousPaidOrder(history, order)
  const results: any[] = []
  const byOrder = { cause_type: "order", cause_id: order.id, at }
  for (const task of tasks) {
    if (task.kind === "first_purchase_within_days") {
      const profile = await customerProfile(container, buyer)
      if (profile && withinDays(profile.created_at, order.created_at, Number(task.params?.days))) {
        results.push(await complete(container, task, { ...byOrder, customer_id: buyer }))
      }
    } else if (task.kind === "repurchase_within_days") {
      if (previous && withinDays(previous.created_at, order.created_at, Number(task.params?.days))) {
        results.push(await complete(container, task, { ...byOrder, customer_id: buyer }))
      }
    } else if (task.kind === "invite_purchase" && !previous) {
      const referrer = await referrerOf(container, buyer)
      // one completion per invitee: the key is the invitee, not the order
      if (referrer) results.push(await complete(container, task, { ...byOrder, customer_id: referrer, dedupe_id: buyer }))
    }
  }
  return results
}

/** `fission.referral.bound`: the referrer's invite_register tasks count the invitee once. */
export async function onReferralBoundForTasks(container: MedusaContainer, data: { customer_id: string; referrer_id: string }) {
  if (!data?.customer_id || !data?.referrer_id) return []
  const at = new Date()
  const results: any[] = []
  for (const task of await openTasks(container, ["invite_register"], at)) {
    results.push(await complete(container, task, { customer_id: data.referrer_id, cause_type: "referral", cause_id: data.customer_id, at }))
  }
  return results
}

/** A complete profile completes complete_profile tasks (auto), or makes them claimable (claim). */
export async function onCustomerUpdatedForTasks(container: MedusaContainer, customer_id: string) {
  const at = new Date()
  const tasks = await openTasks(container, ["complete_profile"], at)
  if (!tasks.length) return []
  const profile = await customerProfile(container, customer_id)
  if (!profile) return []
  const results: any[] = []
  for (const task of tasks) {
    if (missingProfileFields(profile, task.params?.fields ?? DEFAULT_PROFILE_FIELDS).length) continue
    results.push(await complete(container, task, { customer_id, cause_type: "customer", cause_id: customer_id, at }))
  }
  return results
}

/** A share report counts toward every open share task; each report is its own cause. */
export async function onShareForTasks(container: MedusaContainer, input: { customer_id: string; share_id: string; at: Date }) {
  const results: any[] = []
  for (const task of await openTasks(container, ["share"], input.at)) {
    results.push(await complete(container, task, { customer_id: input.customer_id, cause_type: "share", cause_id: input.share_id, at: input.at }))
  }
  return results
}

/** A review counts once per product, and only for a product the customer bought and paid for. */
export async function onProductReviewedForTasks(container: MedusaContainer, data: { customer_id: string; product_id: string }) {
  if (!data?.customer_id || !data?.product_id) return []
  const at = new Date()
  const tasks = await openTasks(container, ["review_product"], at)
  if (!tasks.length || !paidOrderWithProduct(await ordersOf(container, data.customer_id), data.product_id)) return []
  const results: any[] = []
  for (const task of tasks) {
    results.push(await complete(container, task, { customer_id: data.customer_id, cause_type: "product", cause_id: data.product_id, at }))
  }
  return results
}

import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { GROUP_DRAW_MODULE } from "../../modules/group-draw"
import { digestOf, publicDraws } from "../group-draw/fair-draw"

export type GroupDrawNotificationInput =
  | { kind: "joined"; group_id: string; member_id: string; became_full: boolean }
  | { kind: "drawn"; group_id: string }

/**
 * Channel of Fission's shopper notifications. Medusa's default provider serves
 * `feed`; a store with an email provider sets FISSION_NOTIFICATION_CHANNEL=email.
 */
export const notificationChannel = () => process.env.FISSION_NOTIFICATION_CHANNEL || "feed"

/**
 * Sends the group's members a notification through Medusa's notification module:
 * `fission.group_draw.joined`, `.group_full`, `.won` or `.lost` (the lost one says
 * the order is canceled and refunded in full, plus the loser reward). Won and lost
 * carry the draw: its id, the public URL path of its record and the digest of its
 * public inputs (SPEC §0.5), so each member can check later that the published record
 * is the one they were told about. Idempotency keys per group, member and kind make a
 * redelivered event send nothing twice.
 */
const notifyGroupDrawMembersStep = createStep(
  "fission-group-draw-notify-members",
  async (input: GroupDrawNotificationInput, { container }) => {
    const groups = container.resolve<any>(GROUP_DRAW_MODULE)
    const notifications = container.resolve(Modules.NOTIFICATION)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [group] = await groups.listGroupDrawGroups({ id: input.group_id })
    if (!group) return new StepResponse(0)
    const members: any[] = await groups.listGroupDrawMembers({ group_id: group.id })
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id", "email"],
      filters: { id: members.map((m) => m.customer_id) },
    })
    const emailOf = (id: string) => customers.find((c: any) => c.id === id)?.email
    const draws = input.kind === "drawn" ? await publicDraws(container, [group.draw_id, group.envelope_draw_id]) : new Map()
    const drawFacts = (id: string | null | undefined) => {
      const draw = id ? draws.get(id) : undefined
      return draw ? { id: draw.id, url: `/store/fission/draws/${draw.id}`, commitment: draw.commitment, digest: digestOf(draw) } : null
    }
    const drawn =
      input.kind === "drawn" ? { draw: drawFacts(group.draw_id), envelope_draw: drawFacts(group.envelope_draw_id) } : {}
    const template = (m: any) =>
      input.kind === "drawn" ? (m.status === "won" ? "won" : "lost") : input.became_full ? "group_full" : "joined"
    // "joined" goes to the new member only; the other kinds to everyone in the group
    const recipients = input.kind === "joined" && !input.became_full ? members.filter((m) => m.id === input.member_id) : members
    const payload = recipients
      .filter((m) => emailOf(m.customer_id))
      .map((m) => {
        const kind = template(m)
        return {
          to: emailOf(m.customer_id)!,
          channel: notificationChannel(),
          template: `fission.group_draw.${kind}`,
          receiver_id: m.customer_id,
          resource_id: group.id,
          resource_type: "group_draw_group",
          idempotency_key: `group-draw:${group.id}:${m.id}:${kind}`,
          data: { group_id: group.id, campaign_id: group.campaign_id, order_id: m.order_id, status: m.status, seats: group.size, ...drawn },
        }
      })
    if (payload.length) await notifications.createNotifications(payload)
    return new StepResponse(payload.length)
  }
)

export const notifyGroupDrawMembersWorkflow = createWorkflow(
  "fission-group-draw-notify-members",
  (input: GroupDrawNotificationInput) => new WorkflowResponse(notifyGroupDrawMembersStep(input))
)

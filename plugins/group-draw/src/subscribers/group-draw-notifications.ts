import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { notifyGroupDrawMembersWorkflow } from "../workflows/notifications"

type Joined = { member_id: string; group_id: string; became_full: boolean }
type Drawn = { id: string; winners: string[]; losers: string[] }

/** Tells members they joined, that their group is full, and whether they won or lost (and are refunded). */
export default async function groupDrawNotifications({ event, container }: SubscriberArgs<Joined | Drawn>) {
  const input =
    event.name === "group_draw.member.joined"
      ? {
          kind: "joined" as const,
          group_id: (event.data as Joined).group_id,
          member_id: (event.data as Joined).member_id,
          became_full: (event.data as Joined).became_full,
        }
      : { kind: "drawn" as const, group_id: (event.data as Drawn).id }
  await notifyGroupDrawMembersWorkflow(container).run({ input })
}

export const config: SubscriberConfig = {
  event: ["group_draw.member.joined", "group_draw.group.drawn"],
  context: { subscriberId: "fission-group-draw-notifications" },
}

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { sdk } from "../../lib/sdk"

type Campaign = {
  id: string
  title: string
  price: number
  currency_code: string
  group_size: number
  winners: number
  loser_reward: number
  red_envelope_amount: number
  red_envelope_split: string
  status: "draft" | "active" | "ended"
  visibility: string
}

type Member = {
  id: string
  seat: number
  customer_id: string
  order_id: string
  status: string
  refund_status: string
  refund_attempts: number
  refund_error: string | null
  envelope_share: number | null
}

type Group = {
  id: string
  status: string
  size: number
  seats_taken: number
  expires_at: string
  draw_id: string | null
  commitment: string | null
  members: Member[]
}

const statusColor = (s: string) =>
  (({ active: "green", completed: "green", won: "green", open: "blue", full: "orange", drawn: "orange", refunding: "red", failed: "red", ended: "grey", draft: "grey" }) as Record<string, "green" | "blue" | "orange" | "red" | "grey">)[s] ?? "grey"

const errorMessage = (e: unknown) => (e as any)?.message ?? String(e)

function Groups({ campaign }: { campaign: Campaign }) {
  const { data, isLoading } = useQuery({
    queryKey: ["fission-group-draw-groups", campaign.id],
    queryFn: () =>
      sdk.client.fetch<{ groups: Group[]; count: number }>(`/admin/fission/group-draws/${campaign.id}/groups`, {
        query: { limit: 50 },
      }),
  })
  if (isLoading) return <Text size="small">Loading groups…</Text>
  if (!data?.groups.length) return <Text size="small" className="text-ui-fg-subtle">No groups yet.</Text>
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Group</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Seats</Table.HeaderCell>
          <Table.HeaderCell>Members (seat · status · refund · envelope)</Table.HeaderCell>
          <Table.HeaderCell>Draw</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {data.groups.map((g) => (
          <Table.Row key={g.id}>
            <Table.Cell className="font-mono text-xs">{g.id}</Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={statusColor(g.status)}>{g.status}</Badge>
            </Table.Cell>
            <Table.Cell>
              {g.seats_taken}/{g.size}
            </Table.Cell>
            <Table.Cell>
              {g.members.map((m) => (
                <div key={m.id} className="text-xs">
                  #{m.seat} <a className="text-ui-fg-interactive" href={`/app/orders/${m.order_id}`}>{m.order_id.slice(-8)}</a> · {m.status}
                  {m.refund_status !== "none" ? ` · refund ${m.refund_status}` : ""}
                  {m.refund_attempts ? ` (${m.refund_attempts} attempts${m.refund_error ? `: ${m.refund_error}` : ""})` : ""}
                  {m.envelope_share !== null ? ` · ${m.envelope_share}` : ""}
                </div>
              ))}
            </Table.Cell>
            <Table.Cell className="text-xs">
              {g.draw_id ? <a className="text-ui-fg-interactive" href="/app/fission-draws">{g.draw_id}</a> : "—"}
              <div className="font-mono text-ui-fg-muted">{g.commitment?.slice(0, 16)}…</div>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

const GroupDrawsPage = () => {
  const queryClient = useQueryClient()
  const [selected, setSelected] = useState<string | null>(null)
  const { data, isLoading } = useQuery({
    queryKey: ["fission-group-draws"],
    queryFn: () => sdk.client.fetch<{ group_draws: Campaign[]; count: number }>("/admin/fission/group-draws", { query: { limit: 100 } }),
  })

  const setStatus = async (c: Campaign, status: Campaign["status"]) => {
    try {
      await sdk.client.fetch(`/admin/fission/group-draws/${c.id}`, { method: "POST", body: { status } })
      toast.success(`${c.title}: ${status}`)
      await queryClient.invalidateQueries({ queryKey: ["fission-group-draws"] })
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  const campaign = data?.group_draws.find((c) => c.id === selected) ?? null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>Group draws</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Campaigns are created through <code>POST /admin/fission/group-draws</code>; see the plugin README.
          </Text>
        </div>
        {isLoading ? (
          <Text className="px-6 py-4">Loading…</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Campaign</Table.HeaderCell>
                <Table.HeaderCell>Price</Table.HeaderCell>
                <Table.HeaderCell>Winners / size</Table.HeaderCell>
                <Table.HeaderCell>Loser reward</Table.HeaderCell>
                <Table.HeaderCell>Red envelope</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(data?.group_draws ?? []).map((c) => (
                <Table.Row key={c.id} onClick={() => setSelected(c.id)} className="cursor-pointer">
                  <Table.Cell>{c.title}</Table.Cell>
                  <Table.Cell>
                    {c.price} {c.currency_code.toUpperCase()}
                  </Table.Cell>
                  <Table.Cell>
                    {c.winners} / {c.group_size}
                  </Table.Cell>
                  <Table.Cell>{c.loser_reward}</Table.Cell>
                  <Table.Cell>
                    {c.red_envelope_amount} ({c.red_envelope_split})
                  </Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={statusColor(c.status)}>{c.status}</Badge>
                  </Table.Cell>
                  <Table.Cell onClick={(e) => e.stopPropagation()}>
                    {c.status !== "active" && (
                      <Button size="small" variant="secondary" onClick={() => setStatus(c, "active")}>
                        Activate
                      </Button>
                    )}
                    {c.status === "active" && (
                      <Button size="small" variant="secondary" onClick={() => setStatus(c, "ended")}>
                        End
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>
      {campaign && (
        <Container className="flex flex-col gap-y-2">
          <Heading level="h2">Groups of {campaign.title}</Heading>
          <Groups campaign={campaign} />
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "Group draws", icon: Users })

export default GroupDrawsPage

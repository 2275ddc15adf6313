import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Group, Member, money, statusColor, useLoserRefunds, when } from "../lib/group-draw"
import { sdk } from "@fission/core/admin-kit"

type Seat = Member & { group: Omit<Group, "members"> | null; campaign: { id: string; title: string } | null }

/** Group-draw seats of one order or one customer, from `GET /admin/fission/group-draws/members`. */
export function MemberSeats({ filter, title }: { filter: { order_id?: string; customer_id?: string }; title: string }) {
  const { data, isLoading } = useQuery({
    queryKey: ["fission-group-draw-members", filter],
    queryFn: () =>
      sdk.client.fetch<{ members: Seat[]; count: number }>("/admin/fission/group-draws/members", { query: { ...filter, limit: 20 } }),
  })
  const refunds = useLoserRefunds(filter.order_id ? { order_id: filter.order_id } : { group_ids: [...new Set((data?.members ?? []).map((m) => m.group?.id).filter(Boolean) as string[])] })
  // an order or customer without seats shows nothing: most orders are not group draws
  if (isLoading || !data?.members.length) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">{title}</Heading>
        {data.count > data.members.length && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            latest {data.members.length} of {data.count}
          </Text>
        )}
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Campaign / group</Table.HeaderCell>
            <Table.HeaderCell>Seat</Table.HeaderCell>
            <Table.HeaderCell>Result</Table.HeaderCell>
            <Table.HeaderCell>Refund</Table.HeaderCell>
            <Table.HeaderCell>Envelope</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data.members.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>
                {m.group && m.campaign ? (
                  <Link className="text-ui-fg-interactive" to={`/group-draws/${m.campaign.id}/groups/${m.group.id}`}>
                    {m.campaign.title}
                  </Link>
                ) : (
                  "—"
                )}
                {m.group && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {m.group.status} · {m.group.seats_taken}/{m.group.size} · {when(m.joined_at)}
                  </Text>
                )}
              </Table.Cell>
              <Table.Cell>#{m.seat}</Table.Cell>
              <Table.Cell>
                <Badge size="2xsmall" color={statusColor(m.status)}>
                  {m.status}
                </Badge>
              </Table.Cell>
              <Table.Cell>
                {refunds.get(m.order_id) ? (
                  <Badge size="2xsmall" color={statusColor(refunds.get(m.order_id)!.status)}>
                    {refunds.get(m.order_id)!.status}
                  </Badge>
                ) : (
                  "—"
                )}
              </Table.Cell>
              <Table.Cell>{money(m.envelope_share)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useParams } from "react-router-dom"
import { Campaign, money, statusColor } from "../../../lib/blind-box"
import { sdk } from "@fission/core/admin-kit"

type Detail = Campaign & {
  opens: { id: string; number: number | null; status: string; customer_id: string; amount: number; settled: boolean; created_at: string }[]
  draw: any
  verification: { valid: boolean; errors: string[] } | null
}

/** One campaign: state, every open, the draw record and its fairness verification. */
const BlindBoxPage = () => {
  const { id } = useParams()
  const { data, isLoading } = useQuery({
    queryKey: ["fission-blind-box", id],
    queryFn: () => sdk.client.fetch<{ blind_box: Detail }>(`/admin/fission/blind-boxes/${id}`),
  })
  const c = data?.blind_box
  if (isLoading || !c) return <Container><Text>Loading…</Text></Container>
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-2">
        <div className="flex items-center gap-x-2"><Heading level="h1">{c.id}</Heading><Badge color={statusColor(c.status)}>{c.status}</Badge></div>
        <Text size="small">Initiator {c.initiator} · {c.opens_count} of {c.boxes} boxes opened · open price {money(c.open_price, c.currency_code)} · first {c.no_win_opens} never win</Text>
        <Text size="small">Prize position {c.prize_position ?? "sealed"}{c.winning_open ? ` · won by ${c.winner} at open ${c.winning_open}` : ""} · claim {c.claim}{c.claim_order_id ? ` (order ${c.claim_order_id})` : ""}</Text>
      </Container>
      <Container className="flex flex-col gap-y-2">
        <Heading level="h2">Fairness</Heading>
        <Text size="small" className="font-mono break-all">commitment {c.commitment}</Text>
        {c.draw?.seed && <Text size="small" className="font-mono break-all">seed {c.draw.seed}</Text>}
        {c.verification ? (
          <Badge color={c.verification.valid ? "green" : "red"}>{c.verification.valid ? "VALID" : `INVALID: ${c.verification.errors.join("; ")}`}</Badge>
        ) : (
          <Text size="small">The seed is revealed when the prize is won; until then only the commitment is public.</Text>
        )}
        <Text size="small" className="font-mono">npx fission-verify {"<store-url>"}/store/fission/draws/{c.draw_id} --key {"<publishable key>"}</Text>
      </Container>
      <Container>
        <Heading level="h2">Opens</Heading>
        <Table>
          <Table.Header>
            <Table.Row><Table.HeaderCell>#</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell>Customer</Table.HeaderCell><Table.HeaderCell>Paid</Table.HeaderCell><Table.HeaderCell>Settled</Table.HeaderCell><Table.HeaderCell>At</Table.HeaderCell></Table.Row>
          </Table.Header>
          <Table.Body>
            {c.opens.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>{o.number ?? "–"}</Table.Cell><Table.Cell><Badge color={o.status === "won" ? "blue" : o.status === "released" ? "grey" : "green"}>{o.status}</Badge></Table.Cell>
                <Table.Cell>{o.customer_id}</Table.Cell><Table.Cell>{money(o.amount)}</Table.Cell><Table.Cell>{o.settled ? "yes" : "no"}</Table.Cell>
                <Table.Cell>{new Date(o.created_at).toLocaleString()}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export default BlindBoxPage

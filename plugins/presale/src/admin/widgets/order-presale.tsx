import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Participant } from "../lib/presale"
import { sdk } from "@fission/core/admin-kit"

/** Order page: the pre-sale participation of this order (number, paid, net, refunds). */
const OrderPresaleWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { data } = useQuery({
    queryKey: ["fission-presale-participants", "order", order.id],
    queryFn: () => sdk.client.fetch<{ participants: Participant[] }>("/admin/fission/presales/participants", { query: { order_id: order.id } }),
  })
  if (!data?.participants.length) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Pre-sale</Heading>
      </div>
      {data.participants.map((p) => (
        <div key={p.id} className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small">
            <Link className="text-ui-fg-interactive" to={`/presales/${p.campaign_id}`}>
              {p.campaign_title}
            </Link>{" "}
            · participant #{p.number} {p.free_order && <Badge size="2xsmall" color="orange">free order</Badge>}
          </Text>
          <Text size="small">
            Paid {p.paid} · net {p.net_price} · owed {p.refunds_owed} · refunded {p.refunded} ({p.refund_status})
          </Text>
          <Table>
            <Table.Body>
              {p.refunds.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.kind}</Table.Cell>
                  <Table.Cell>{r.amount ?? "all"}</Table.Cell>
                  <Table.Cell>{r.status}</Table.Cell>
                  <Table.Cell>{r.refund_request_id ?? "–"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderPresaleWidget

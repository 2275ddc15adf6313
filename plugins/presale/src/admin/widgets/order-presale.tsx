import { Card, sdk, useStoreFormat } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { Participant } from "../lib/presale"

/** Order page: the pre-sale participation of this order (number, paid, net, refunds). An order joins one pre-sale per line at most. */
const OrderPresaleWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("fission-presale")
  const f = useStoreFormat()
  const { data } = useQuery({
    queryKey: ["fission-presale-participants", "order", order.id],
    queryFn: () => sdk.client.fetch<{ participants: Participant[] }>("/admin/fission/presales/participants", { query: { order_id: order.id } }),
  })
  if (!data?.participants.length) return null
  const currency = order.currency_code
  return (
    <Card title={t("widget.orderTitle")}>
      {data.participants.map((p) => (
        <div key={p.id} className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small">
            <Link className="text-ui-fg-interactive" to={`/presales/${p.campaign_id}`}>
              {p.campaign_title}
            </Link>{" "}
            · {t("widget.participant", { number: p.number })} {p.free_order && <Badge size="2xsmall" color="orange">{t("widget.freeOrder")}</Badge>}
          </Text>
          <Text size="small">
            {t("widget.amounts", {
              paid: f.money(p.paid, currency),
              net: f.money(p.net_price, currency),
              owed: f.money(p.refunds_owed, currency),
              refunded: f.money(p.refunded, currency),
              status: t(`refundStatus.${p.refund_status}`),
            })}
          </Text>
          <Table>
            <Table.Body>
              {p.refunds.map((r) => (
                <Table.Row key={r.id}>
                  <Table.Cell>{r.kind}</Table.Cell>
                  <Table.Cell>{r.amount == null ? t("widget.everything") : f.money(r.amount, currency)}</Table.Cell>
                  <Table.Cell>{r.status}</Table.Cell>
                  <Table.Cell>{r.refund_request_id ?? "–"}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ))}
    </Card>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderPresaleWidget

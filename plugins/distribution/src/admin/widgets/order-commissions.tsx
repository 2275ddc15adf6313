import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { CustomerLink } from "../components/customer-link"
import { SectionHeader } from "../components/section"
import {
  Commission,
  COMMISSION_STATUS_COLOR,
  CommissionTotals,
  distKeys,
  ORDER_LIFECYCLE_COLOR,
  percentLabel,
} from "../lib/distribution"
import { useTranslation } from "react-i18next"
import { errorMessage, sdk, useStoreFormat } from "@fission/core/admin-kit"

type OrderCommissions = {
  commissions: Commission[]
  commission_order: {
    status: "placed" | "paid" | "delivered" | "settled" | "canceled"
    currency_code: string
    base_total: number
    refunded_total: number
    paid_at: string | null
    delivered_at: string | null
    available_at: string | null
  } | null
  totals: CommissionTotals
}

// Step texts: `order.steps.<status>` in the admin translations.

/** Order page: the commissions this order generated and where it is in the commission lifecycle. */
const OrderCommissionsWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("order", order.id),
    queryFn: () => sdk.client.fetch<OrderCommissions>(`/admin/fission/orders/${order.id}/commissions`),
  })
  const lifecycle = data?.commission_order
  const total = data?.totals.by_currency[0]

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("commissions.title")}
        subtitle={
          lifecycle ? (
            <span className="flex flex-wrap items-center gap-x-2">
              <StatusBadge color={ORDER_LIFECYCLE_COLOR[lifecycle.status] ?? "grey"}>{t(`order.status.${lifecycle.status}`)}</StatusBadge>
              <span>{t(`order.steps.${lifecycle.status}`)}</span>
            </span>
          ) : (
            t("order.subtitle")
          )
        }
        actions={
          total && (
            <Text size="small" className="tabular-nums">
              {t("order.net", { amount: f.money(total.net_amount, total.currency_code) })}
            </Text>
          )
        }
      />
      {lifecycle && (
        <div className="flex flex-wrap gap-x-6 gap-y-1 px-6 py-3">
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("order.base", { amount: f.money(lifecycle.base_total, lifecycle.currency_code) })}
            {lifecycle.refunded_total ? ` · ${t("order.refunded", { amount: f.money(lifecycle.refunded_total, lifecycle.currency_code) })}` : ""}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("order.dates", { paid: f.date(lifecycle.paid_at), delivered: f.date(lifecycle.delivered_at), available: f.date(lifecycle.available_at) })}
          </Text>
        </div>
      )}
      {data?.commissions.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("commissions.beneficiary")}</Table.HeaderCell>
              <Table.HeaderCell>{t("commissions.kind")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("commissions.amount")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("commissions.reversed")}</Table.HeaderCell>
              <Table.HeaderCell>{t("commissions.status")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.commissions.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <CustomerLink customer={c.beneficiary} />
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap">
                  {t(`commissionKind.${c.kind}`)} · L{c.level}
                  <span className="txt-compact-xsmall text-ui-fg-subtle">
                    {c.fixed_per_unit !== null ? ` · ${f.money(c.fixed_per_unit, c.currency_code)} × ${c.quantity}` : c.rate !== null ? ` · ${percentLabel(c.rate)}` : ""}
                  </span>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">{f.money(c.amount, c.currency_code)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {c.reversed_amount ? <span className="text-ui-fg-error">−{f.money(c.reversed_amount, c.currency_code)}</span> : <span className="text-ui-fg-muted">–</span>}
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge color={COMMISSION_STATUS_COLOR[c.status]}>{t(`commissionStatus.${c.status}`)}</StatusBadge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("common.loading") : isError ? errorMessage(error) : lifecycle ? t("order.none") : t("order.noneRecorded")}
          </Text>
        </div>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderCommissionsWidget

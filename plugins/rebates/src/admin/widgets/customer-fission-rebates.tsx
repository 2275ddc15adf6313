import { Card, errorMessage, Fact, RowsTable, sdk, useStoreFormat } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { rebateKeys, RebateHistory, RebateStatus } from "../lib/rebates"

/** This month's consumption, level, what the next level needs, dividend points, frozen team awards, past months. */
const CustomerRebatesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("fission-rebates")
  const f = useStoreFormat()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: rebateKeys.customer(customer.id),
    queryFn: () =>
      sdk.client.fetch<{ rebates: { status: RebateStatus; history: RebateHistory } }>(`/admin/fission/rebates/customers/${customer.id}`),
  })
  const s = data?.rebates.status
  const h = data?.rebates.history
  return (
    <Card title={t("widget.title")} loading={isLoading} error={error}>
      {s && (
        <div className="grid grid-cols-4 gap-4 px-6 py-4">
          <Fact label={t("widget.consumption", { month: s.month })}>{f.money(s.consumption, s.currency_code)}</Fact>
          <Fact label={t("widget.level")}>{s.level ? `${s.level.position} · ${s.level.name}` : "–"}</Fact>
          <Fact label={t("widget.dividendPoints")}>{t("widget.points", { points: f.number(s.dividend_points), awarded: f.number(s.awarded_points) })}</Fact>
          <Fact label={t("widget.nextLevel")}>{s.next_level
                ? t("widget.missing", { name: s.next_level.name, amount: f.money(s.next_level.missing.consumption, s.currency_code) }) +
                  s.next_level.missing.team.map((m) => t("widget.missingTeam", { depth: m.depth, active: m.active, required: m.required })).join("")
                : t("widget.topLevel")}</Fact>
        </div>
      )}
      {s && s.frozen_awards.length > 0 && (
        <div className="px-6 py-4">
          <Text weight="plus" className="mb-2">{t("widget.frozenAwards")}</Text>
          {s.frozen_awards.map((a) => (
            <Text key={a.id} size="small">
              <Badge color="orange">{t("widget.frozen")}</Badge>{" "}
              {t("widget.frozenAward", { amount: f.money(a.amount, s.currency_code), points: a.points, held: f.money(a.held_amount, s.currency_code), since: f.date(a.frozen_at) })}
            </Text>
          ))}
        </div>
      )}
      {h && h.months.length > 0 && (
        <RowsTable
          headers={[t("history.month"), t("widget.consumptionColumn"), t("widget.level"), t("widget.pointsAwarded")]}
          rows={h.months}
          rowKey={(m) => m.month}
          cells={(m) => [m.month, f.money(m.consumption, s?.currency_code), m.level_position ?? "–", f.number(m.awarded_points)]}
        />
      )}
    </Card>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerRebatesWidget

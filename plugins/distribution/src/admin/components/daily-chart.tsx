import { Chart, useStoreFormat } from "@fission/core/admin-kit"
import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { DailyCommissions } from "../lib/distribution"

/** Commission per day (net of reversals; voided counts 0); the tooltip shows the day's amount. */
export function DailyChart({ daily }: { daily: DailyCommissions }) {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const days = daily.days
  const currency = daily.currency_code
  const total = days.reduce((sum, d) => sum + d.net_amount, 0)
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-baseline justify-between">
        <Text size="small" weight="plus">
          {t("daily.title", { count: days.length })}
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
          {t("daily.total", { amount: f.money(total, currency), timezone: daily.timezone })}
        </Text>
      </div>
      <Chart
        data={days}
        xKey="date"
        formatX={(d) => d.slice(5)}
        format={(v) => f.money(v, currency)}
        series={[{ key: "net_amount", label: t("daily.net") }]}
      />
    </div>
  )
}

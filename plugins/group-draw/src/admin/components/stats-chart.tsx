import { Chart, sdk, SelectInput } from "@fission/core/admin-kit"
import { Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Stats } from "../lib/group-draw"

const DAY = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Groups completed and failed per day (SPEC §4.3, §0.8) from
 * `GET /admin/fission/group-draws/stats`; optional campaign filter.
 */
export function GroupStatsChart({ campaignId }: { campaignId?: string }) {
  const { t } = useTranslation("fission-group-draw")
  const [days, setDays] = useState("30")
  const to = isoDay(new Date())
  const from = isoDay(new Date(Date.now() - (Number(days) - 1) * DAY))
  const { data, isLoading, isError } = useQuery({
    queryKey: ["fission-group-draw-stats", campaignId ?? "all", from, to],
    queryFn: () =>
      sdk.client.fetch<{ stats: Stats }>("/admin/fission/group-draws/stats", {
        query: { from, to, ...(campaignId ? { campaign_id: campaignId } : {}) },
      }),
  })
  const stats = data?.stats
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between">
        <Heading level="h2">{t("stats.title")}</Heading>
        <SelectInput
          className="w-36"
          value={days}
          onValueChange={setDays}
          options={["7", "30", "90"].map((n) => ({ value: n, label: t("stats.lastDays", { count: Number(n) }) }))}
        />
      </div>
      {isLoading && <Text size="small">{t("common.loading")}</Text>}
      {isError && <Text size="small" className="text-ui-fg-error">{t("stats.error")}</Text>}
      {stats && (
        <>
          <Chart
            data={stats.days}
            xKey="day"
            formatX={(d) => d.slice(5)}
            series={[
              { key: "completed", label: t("stats.completed"), color: "#10b981" },
              { key: "failed", label: t("stats.failed"), color: "#ef4444" },
            ]}
          />
          <Text size="small" className="text-ui-fg-subtle">
            {t("stats.totals", { completed: stats.totals.completed, failed: stats.totals.failed, opened: stats.totals.opened, from: stats.from, to: stats.to })}
          </Text>
        </>
      )}
    </div>
  )
}

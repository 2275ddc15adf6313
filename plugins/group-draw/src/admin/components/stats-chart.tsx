import { Heading, Select, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Stats } from "../lib/group-draw"
import { sdk } from "../lib/sdk"

const DAY = 86_400_000
const isoDay = (d: Date) => d.toISOString().slice(0, 10)

/**
 * Groups completed and failed per day (SPEC §4.3, §0.8) as plain SVG bars from
 * `GET /admin/fission/group-draws/stats`; optional campaign filter.
 */
export function GroupStatsChart({ campaignId }: { campaignId?: string }) {
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
  const max = Math.max(1, ...(stats?.days ?? []).map((d) => Math.max(d.completed, d.failed)))
  const width = 720
  const height = 160
  const slot = stats ? width / stats.days.length : width
  const bar = Math.max(1, slot / 2 - 2)
  const y = (n: number) => height - (n / max) * (height - 14)

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between">
        <Heading level="h2">Groups completed / failed per day</Heading>
        <div className="w-36">
          <Select size="small" value={days} onValueChange={setDays}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="7">Last 7 days</Select.Item>
              <Select.Item value="30">Last 30 days</Select.Item>
              <Select.Item value="90">Last 90 days</Select.Item>
            </Select.Content>
          </Select>
        </div>
      </div>
      {isLoading && <Text size="small">Loading…</Text>}
      {isError && <Text size="small" className="text-ui-fg-error">Could not load the statistics.</Text>}
      {stats && (
        <>
          <svg viewBox={`0 0 ${width} ${height + 18}`} className="w-full" role="img" aria-label="Groups completed and failed per day">
            <line x1={0} x2={width} y1={height} y2={height} stroke="currentColor" className="text-ui-border-base" />
            <text x={2} y={10} fontSize={10} className="fill-ui-fg-muted">
              {max}
            </text>
            {stats.days.map((d, i) => (
              <g key={d.day}>
                <title>{`${d.day}: ${d.completed} completed, ${d.failed} failed, ${d.opened} opened`}</title>
                <rect x={i * slot + 1} y={y(d.completed)} width={bar} height={height - y(d.completed)} className="fill-ui-tag-green-icon" />
                <rect x={i * slot + 1 + bar} y={y(d.failed)} width={bar} height={height - y(d.failed)} className="fill-ui-tag-red-icon" />
                {(i === 0 || i === stats.days.length - 1 || stats.days.length <= 14) && (
                  <text x={i * slot + 1} y={height + 14} fontSize={9} className="fill-ui-fg-subtle">
                    {d.day.slice(5)}
                  </text>
                )}
              </g>
            ))}
          </svg>
          <Text size="small" className="text-ui-fg-subtle">
            <span className="text-ui-tag-green-text">■</span> completed {stats.totals.completed} ·{" "}
            <span className="text-ui-tag-red-text">■</span> failed {stats.totals.failed} · opened {stats.totals.opened} ({stats.from} – {stats.to}, UTC)
          </Text>
        </>
      )}
    </div>
  )
}

import { Text } from "@medusajs/ui"

export type BarSeries = { key: string; label: string; color: string }

/**
 * Grouped vertical bars in plain CSS: one group per row of `data`, one bar per
 * series, heights relative to the largest value shown. No chart dependency.
 */
export const GroupedBarChart = ({ data, series, labelKey, height = 160 }: {
  data: Record<string, any>[]
  series: BarSeries[]
  labelKey: string
  height?: number
}) => {
  const max = Math.max(1, ...data.flatMap((row) => series.map((s) => Number(row[s.key] ?? 0))))
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-end gap-x-3 overflow-x-auto" style={{ height }}>
        {data.map((row) => (
          <div key={row[labelKey]} className="flex h-full min-w-[40px] flex-1 items-end justify-center gap-x-0.5">
            {series.map((s) => {
              const value = Number(row[s.key] ?? 0)
              return (
                <div
                  key={s.key}
                  title={`${row[labelKey]} · ${s.label}: ${value.toLocaleString()}`}
                  className="w-2.5 rounded-t-sm"
                  style={{ height: `${(value / max) * 100}%`, minHeight: value > 0 ? 2 : 0, backgroundColor: s.color }}
                />
              )
            })}
          </div>
        ))}
      </div>
      <div className="flex gap-x-3 overflow-x-auto">
        {data.map((row) => (
          <Text key={row[labelKey]} size="xsmall" className="text-ui-fg-subtle min-w-[40px] flex-1 text-center">
            {String(row[labelKey]).slice(2)}
          </Text>
        ))}
      </div>
      <div className="flex gap-x-4">
        {series.map((s) => (
          <div key={s.key} className="flex items-center gap-x-1">
            <span className="inline-block h-2.5 w-2.5 rounded-sm" style={{ backgroundColor: s.color }} />
            <Text size="xsmall">{s.label}</Text>
          </div>
        ))}
      </div>
    </div>
  )
}


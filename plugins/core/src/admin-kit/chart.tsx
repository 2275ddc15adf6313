import { Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"
import { KIT_NS } from "./i18n.js"

export type ChartSeries = {
  key: string
  label: string
  /** A CSS colour; defaults to the kit's palette. */
  color?: string
  /** Bars sharing a stack id are stacked. */
  stack?: string
}

export type ChartProps = {
  data: Record<string, any>[]
  series: ChartSeries[]
  /** The category (x) field, e.g. `month` or `date`. */
  xKey: string
  /** `step`: a step line (e.g. a tier price by participant count). */
  kind?: "bar" | "line" | "step"
  /** `number` for a numeric x axis (lines only). */
  xType?: "category" | "number"
  /** Vertical markers at x values (a current count, thresholds). */
  references?: { x: number | string; label?: string; color?: string }[]
  height?: number
  /** Formats values on the axis and in the tooltip (money, points). */
  format?: (v: number) => string
  /** Formats x labels (e.g. drop the year). */
  formatX?: (v: string) => string
  horizontal?: boolean
}

export const CHART_COLORS = ["#3b82f6", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#14b8a6", "#64748b"]

/**
 * The one chart of the Fission admin (recharts, bundled into the dashboard): grouped or
 * stacked bars, or lines, over categories; empty data shows a message, not an empty grid.
 */
export function Chart({ data, series, xKey, kind = "bar", xType = "category", references = [], height = 200, format, formatX, horizontal }: ChartProps) {
  const { t } = useTranslation(KIT_NS)
  if (!data.length) {
    return (
      <Text size="small" className="text-ui-fg-subtle py-4">
        {t("kit.chart.noData")}
      </Text>
    )
  }
  const fmt = (v: any) => (format ? format(Number(v)) : Number(v).toLocaleString())
  const fmtX = (v: any) => (formatX ? formatX(String(v)) : String(v))
  const color = (s: ChartSeries, i: number) => s.color ?? CHART_COLORS[i % CHART_COLORS.length]
  const axisStyle = { fontSize: 11 }
  const common = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base, #e5e7eb)" />
      {horizontal ? (
        <>
          <XAxis type="number" tickFormatter={fmt} tick={axisStyle} />
          <YAxis type="category" dataKey={xKey} tickFormatter={fmtX} tick={axisStyle} width={100} />
        </>
      ) : (
        <>
          <XAxis
            dataKey={xKey}
            type={xType}
            domain={xType === "number" ? ["dataMin", "dataMax"] : undefined}
            tickFormatter={fmtX}
            tick={axisStyle}
          />
          <YAxis tickFormatter={fmt} tick={axisStyle} width={64} />
        </>
      )}
      <Tooltip formatter={(v: any) => fmt(v)} labelFormatter={(l: any) => fmtX(l)} />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} />}
      {references.map((r) => (
        <ReferenceLine
          key={String(r.x)}
          x={r.x}
          stroke={r.color ?? "#10b981"}
          strokeWidth={2}
          label={r.label ? { value: r.label, position: "insideTopRight", fontSize: 11 } : undefined}
        />
      ))}
    </>
  )
  return (
    <div style={{ width: "100%", height }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind !== "bar" ? (
          <LineChart data={data}>
            {common}
            {series.map((s, i) => (
              <Line key={s.key} type={kind === "step" ? "stepAfter" : "monotone"} dataKey={s.key} name={s.label} stroke={color(s, i)} dot={false} strokeWidth={2} />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} layout={horizontal ? "vertical" : "horizontal"}>
            {common}
            {series.map((s, i) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={color(s, i)} stackId={s.stack} radius={s.stack ? 0 : [2, 2, 0, 0]} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  )
}

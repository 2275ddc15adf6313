import { Text } from "@medusajs/ui"
import { DailyCommissions, money } from "../lib/distribution"

const W = 1000
const H = 200
const PAD = { top: 12, right: 8, bottom: 24, left: 64 }

/** Rounds the top of the axis up to 1, 2 or 5 × 10^n so the grid lines read well. */
function niceMax(value: number) {
  if (value <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(value))
  return ([1, 2, 5, 10].find((m) => m * p >= value) ?? 10) * p
}

/**
 * Commission per day as plain SVG bars (net of reversals; voided counts 0). Hover a bar
 * for the day's count, gross and reversed amounts.
 */
export function DailyChart({ daily }: { daily: DailyCommissions }) {
  const days = daily.days
  const currency = daily.currency_code
  const max = niceMax(Math.max(0, ...days.map((d) => d.net_amount)))
  const plotW = W - PAD.left - PAD.right
  const plotH = H - PAD.top - PAD.bottom
  const slot = plotW / Math.max(1, days.length)
  const barW = Math.max(2, slot * 0.7)
  const y = (v: number) => PAD.top + plotH - (Math.max(0, v) / max) * plotH
  const ticks = [0, max / 2, max]
  const every = Math.ceil(days.length / 8)
  const total = days.reduce((t, d) => t + d.net_amount, 0)

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-baseline justify-between">
        <Text size="small" weight="plus">
          Commission per day · last {days.length} days
        </Text>
        <Text size="xsmall" className="text-ui-fg-subtle tabular-nums">
          {money(total, currency)} net · {daily.timezone}
        </Text>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-label="Commission per day">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} style={{ stroke: "var(--border-base)" }} strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={10} style={{ fill: "var(--fg-muted)" }}>
              {money(t, currency)}
            </text>
          </g>
        ))}
        {days.map((d, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2
          const top = y(d.net_amount)
          return (
            <g key={d.date}>
              <rect
                x={x}
                y={top}
                width={barW}
                height={Math.max(0, PAD.top + plotH - top)}
                rx={1.5}
                style={{ fill: d.net_amount > 0 ? "var(--fg-interactive)" : "var(--border-base)" }}
              >
                <title>{`${d.date}: ${money(d.net_amount, currency)} net (${d.count} records, ${money(d.amount, currency)} gross, ${money(d.reversed_amount, currency)} reversed)`}</title>
              </rect>
              {/* every n-th day and the last one, never two labels on top of each other */}
              {(i === days.length - 1 || (i % every === 0 && days.length - 1 - i >= every / 2)) && (
                <text x={x + barW / 2} y={H - 6} textAnchor="middle" fontSize={10} style={{ fill: "var(--fg-muted)" }}>
                  {d.date.slice(5)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
    </div>
  )
}

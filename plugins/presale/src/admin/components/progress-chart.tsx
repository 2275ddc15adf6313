import { Presale } from "../lib/presale"

/**
 * Participants against the rebate thresholds (SPEC §5 admin "live progress chart"): a step line
 * of the tier price by participant count, the thresholds as ticks, and the current count.
 */
export function ProgressChart({ presale }: { presale: Presale }) {
  const width = 720
  const height = 180
  const maxCount = Math.max(presale.max_participants ?? 0, presale.step_interval * Math.max(1, presale.max_steps) + presale.step_interval, presale.participants)
  const x = (n: number) => (n / maxCount) * (width - 40) + 30
  const top = presale.base_price
  const bottom = presale.base_price - presale.step_amount * presale.max_steps
  const y = (p: number) => (top === bottom ? height / 2 : 10 + ((top - p) / (top - bottom)) * (height - 30))
  const points: string[] = []
  for (let level = 0; level <= presale.max_steps; level++) {
    const from = level * presale.step_interval
    const to = level === presale.max_steps ? maxCount : (level + 1) * presale.step_interval
    const price = presale.base_price - presale.step_amount * level
    points.push(`${x(from)},${y(price)}`, `${x(to)},${y(price)}`)
  }
  const freeTicks = presale.free_interval ? Array.from({ length: Math.floor(maxCount / presale.free_interval) }, (_, i) => (i + 1) * presale.free_interval!) : []
  return (
    <svg viewBox={`0 0 ${width} ${height + 20}`} className="w-full" role="img" aria-label="Participants against rebate thresholds">
      <polyline points={points.join(" ")} fill="none" stroke="currentColor" className="text-ui-fg-interactive" strokeWidth={2} />
      {freeTicks.slice(0, 400).map((t) => (
        <line key={t} x1={x(t)} x2={x(t)} y1={height - 6} y2={height} stroke="currentColor" className="text-ui-tag-orange-icon" />
      ))}
      <line x1={x(presale.participants)} x2={x(presale.participants)} y1={0} y2={height} stroke="currentColor" className="text-ui-tag-green-icon" strokeWidth={2} />
      <text x={x(presale.participants) + 4} y={12} fontSize={11} className="fill-ui-fg-base">
        {presale.participants} participants · {presale.current_price}
      </text>
      <text x={2} y={y(top) + 4} fontSize={10} className="fill-ui-fg-muted">
        {top}
      </text>
      <text x={2} y={y(bottom) + 4} fontSize={10} className="fill-ui-fg-muted">
        {bottom}
      </text>
      <text x={30} y={height + 16} fontSize={10} className="fill-ui-fg-muted">
        0
      </text>
      <text x={width - 40} y={height + 16} fontSize={10} className="fill-ui-fg-muted">
        {maxCount}
      </text>
    </svg>
  )
}

import { Chart } from "@fission/core/admin-kit"
import { useTranslation } from "react-i18next"
import { Presale } from "../lib/presale"

/**
 * Participants against the rebate thresholds (SPEC §5 admin "live progress chart"): the
 * tier price by participant count as a step line, and the current count as a marker.
 */
export function ProgressChart({ presale }: { presale: Presale }) {
  const { t } = useTranslation("fission-presale")
  const maxCount = Math.max(presale.max_participants ?? 0, presale.step_interval * Math.max(1, presale.max_steps) + presale.step_interval, presale.participants)
  const data: { participants: number; price: number }[] = []
  for (let level = 0; level <= presale.max_steps; level++) {
    data.push({ participants: level * presale.step_interval, price: presale.base_price - presale.step_amount * level })
  }
  data.push({ participants: maxCount, price: data[data.length - 1].price })
  return (
    <Chart
      kind="step"
      xType="number"
      data={data}
      xKey="participants"
      series={[{ key: "price", label: t("progress.price") }]}
      references={[{ x: presale.participants, label: t("progress.current", { count: presale.participants, price: presale.current_price }) }]}
    />
  )
}

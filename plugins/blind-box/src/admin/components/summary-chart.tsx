import { Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { money } from "../lib/blind-box"
import { sdk } from "../lib/sdk"

type Summary = {
  templates: { template_id: string; campaigns: number; won: number; opens: number; initiation_cash: number; open_revenue: number;
    initiator_shares: number; consolation_vouchers: number; claimed_products: number; claimed_vouchers: number }[]
  days: { day: string; opens: number; revenue: number }[]
}

/** Revenue and payouts per template, and opens per day as SVG bars (SPEC §7 admin, §0.8). */
export function SummaryChart() {
  const { data, isLoading } = useQuery({
    queryKey: ["fission-blind-box-summary"],
    queryFn: () => sdk.client.fetch<{ summary: Summary }>("/admin/fission/blind-boxes/summary"),
  })
  const s = data?.summary
  if (isLoading || !s) return <Text size="small">Loading…</Text>
  const width = 720
  const height = 140
  const max = Math.max(1, ...s.days.map((d) => d.opens))
  const slot = width / Math.max(1, s.days.length)
  return (
    <div className="flex flex-col gap-y-3">
      <Heading level="h2">Revenue and payouts</Heading>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Template</Table.HeaderCell><Table.HeaderCell>Campaigns (won)</Table.HeaderCell><Table.HeaderCell>Opens</Table.HeaderCell>
            <Table.HeaderCell>Initiation cash</Table.HeaderCell><Table.HeaderCell>Open revenue</Table.HeaderCell><Table.HeaderCell>Initiator shares</Table.HeaderCell>
            <Table.HeaderCell>Consolation vouchers</Table.HeaderCell><Table.HeaderCell>Claims product / vouchers</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {s.templates.map((t) => (
            <Table.Row key={t.template_id}>
              <Table.Cell>{t.template_id}</Table.Cell><Table.Cell>{t.campaigns} ({t.won})</Table.Cell><Table.Cell>{t.opens}</Table.Cell>
              <Table.Cell>{money(t.initiation_cash)}</Table.Cell><Table.Cell>{money(t.open_revenue)}</Table.Cell><Table.Cell>{money(t.initiator_shares)}</Table.Cell>
              <Table.Cell>{t.consolation_vouchers}</Table.Cell><Table.Cell>{t.claimed_products} / {t.claimed_vouchers}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Heading level="h3">Opens per day (30 days)</Heading>
      {s.days.length === 0 ? (
        <Text size="small">No opens yet.</Text>
      ) : (
        <svg viewBox={`0 0 ${width} ${height + 18}`} className="w-full" role="img" aria-label="Opens per day">
          <line x1={0} x2={width} y1={height} y2={height} stroke="currentColor" className="text-ui-border-base" />
          {s.days.map((d, i) => {
            const h = (d.opens / max) * (height - 14)
            return (
              <g key={d.day}>
                <rect x={i * slot + 2} y={height - h} width={Math.max(1, slot - 4)} height={h} className="fill-ui-fg-interactive">
                  <title>{`${d.day}: ${d.opens} opens, ${money(d.revenue)}`}</title>
                </rect>
                <text x={i * slot + slot / 2} y={height + 14} fontSize={9} textAnchor="middle" className="fill-ui-fg-muted">{d.day.slice(5)}</text>
              </g>
            )
          })}
        </svg>
      )}
    </div>
  )
}

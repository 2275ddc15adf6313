import { Chart, sdk, Stack, useStoreFormat } from "@fission/core/admin-kit"
import { Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"

type Summary = {
  templates: { template_id: string; campaigns: number; won: number; opens: number; initiation_cash: number; open_revenue: number;
    initiator_shares: number; consolation_vouchers: number; claimed_products: number; claimed_vouchers: number }[]
  days: { day: string; opens: number; revenue: number }[]
}

/** Revenue and payouts per template, and opens per day (SPEC §7 admin, §0.8). */
export function SummaryChart() {
  const { t } = useTranslation("fission-blind-box")
  const f = useStoreFormat()
  const { data, isLoading } = useQuery({
    queryKey: ["fission-blind-box-summary"],
    queryFn: () => sdk.client.fetch<{ summary: Summary }>("/admin/fission/blind-boxes/summary"),
  })
  const s = data?.summary
  if (isLoading || !s) return <Text size="small">{t("common.loading")}</Text>
  return (
    <Stack>
      <Heading level="h2">{t("summary.title")}</Heading>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("summary.template")}</Table.HeaderCell><Table.HeaderCell>{t("summary.campaignsWon")}</Table.HeaderCell><Table.HeaderCell>{t("summary.opens")}</Table.HeaderCell>
            <Table.HeaderCell>{t("summary.initiationCash")}</Table.HeaderCell><Table.HeaderCell>{t("summary.openRevenue")}</Table.HeaderCell><Table.HeaderCell>{t("summary.initiatorShares")}</Table.HeaderCell>
            <Table.HeaderCell>{t("summary.consolationVouchers")}</Table.HeaderCell><Table.HeaderCell>{t("summary.claims")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {s.templates.map((row) => (
            <Table.Row key={row.template_id}>
              <Table.Cell>{row.template_id}</Table.Cell><Table.Cell>{row.campaigns} ({row.won})</Table.Cell><Table.Cell>{row.opens}</Table.Cell>
              <Table.Cell>{f.money(row.initiation_cash)}</Table.Cell><Table.Cell>{f.money(row.open_revenue)}</Table.Cell><Table.Cell>{f.money(row.initiator_shares)}</Table.Cell>
              <Table.Cell>{row.consolation_vouchers}</Table.Cell><Table.Cell>{row.claimed_products} / {row.claimed_vouchers}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Heading level="h3">{t("summary.opensPerDay")}</Heading>
      <Chart data={s.days} xKey="day" formatX={(d) => d.slice(5)} series={[{ key: "opens", label: t("summary.opens") }]} />
    </Stack>
  )
}

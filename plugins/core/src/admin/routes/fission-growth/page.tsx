import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Card, sdk, Stack, useStoreFormat } from "../../../admin-kit"
import { assetLabel, currencyLabel, formatAmount } from "../../lib/ledger"
import { Growth, GrowthMovement, GROWTH_KINDS, growthKeys } from "../../lib/growth"
import { PluginCards } from "../../components/growth-plugin-cards"

type Row = { asset: string; currency_code: string | null; kind: string; today: string; month: string }

/** Today's and the 30 days' movements side by side, one row per asset, currency and kind. */
function joinWindows(today: GrowthMovement[], month: GrowthMovement[]): Row[] {
  const rows = new Map<string, Row>()
  const key = (m: GrowthMovement) => `${m.asset}:${m.currency_code ?? "-"}:${m.kind}`
  for (const m of month) rows.set(key(m), { asset: m.asset, currency_code: m.currency_code, kind: m.kind, today: "0", month: m.total })
  for (const m of today) {
    const r = rows.get(key(m)) ?? { asset: m.asset, currency_code: m.currency_code, kind: m.kind, today: "0", month: "0" }
    rows.set(key(m), { ...r, today: m.total })
  }
  const order = (k: string) => GROWTH_KINDS.indexOf(k as (typeof GROWTH_KINDS)[number])
  return [...rows.values()].sort((a, b) => a.asset.localeCompare(b.asset) || order(a.kind) - order(b.kind))
}

function LedgerCard({ growth }: { growth: Growth }) {
  const { t } = useTranslation("fission-core")
  const rows = joinWindows(growth.today.movements, growth.last_30_days.movements)
  return (
    <Card title={t("growth.ledger.title")} subtitle={t("growth.ledger.subtitle")}>
      {rows.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("growth.ledger.asset")}</Table.HeaderCell>
              <Table.HeaderCell>{t("growth.ledger.kind")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("growth.today")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("growth.last30")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={`${r.asset}:${r.currency_code}:${r.kind}`}>
                <Table.Cell>
                  {assetLabel(r.asset, t)} {currencyLabel(r.currency_code)}
                </Table.Cell>
                <Table.Cell>{t(`growth.kind.${r.kind}`)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatAmount(r.today, r.asset)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatAmount(r.month, r.asset)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          {t("growth.ledger.empty")}
        </Text>
      )}
    </Card>
  )
}

const GrowthPage = () => {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const { data, isLoading, error } = useQuery({
    queryKey: [...growthKeys.all, f.timeZone],
    queryFn: () => sdk.client.fetch<{ growth: Growth }>("/admin/fission/growth", { query: { time_zone: f.timeZone } }),
  })
  const growth = data?.growth
  return (
    <Stack>
      <Card
        level="h1"
        title={t("growth.title")}
        subtitle={growth ? t("growth.subtitle", { from: f.date(growth.last_30_days.from), to: f.dateTime(growth.today.to), tz: growth.time_zone }) : undefined}
        loading={isLoading}
        error={error}
      >
        {growth && !growth.installed.length && (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            {t("growth.noPlugins")}
          </Text>
        )}
      </Card>
      {growth && <PluginCards installed={growth.installed} />}
      {growth && <LedgerCard growth={growth} />}
    </Stack>
  )
}

export const config = defineRouteConfig({ label: "nav.growth", translationNs: "fission-core", icon: ChartBar, rank: 0 })

export default GrowthPage

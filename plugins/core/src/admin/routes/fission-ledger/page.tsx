import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Badge, Button, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { useTranslation } from "react-i18next"
import { Card, Chart, errorMessage, sdk, SelectInput, Stack, useStoreFormat } from "../../../admin-kit"
import { assetLabel, currencyLabel, formatAmount, ledgerKeys, PlatformBalance, Reconciliation } from "../../lib/ledger"

type T = (key: string, opts?: Record<string, unknown>) => string

const seriesKey = (b: { asset: string; currency_code: string | null }) => `${b.asset}:${b.currency_code ?? "-"}`
const seriesLabel = (b: { asset: string; currency_code: string | null }, t: T) =>
  `${assetLabel(b.asset, t)}${b.currency_code ? ` ${currencyLabel(b.currency_code)}` : ""}`

/** Only the counters that differ: "posted: counter 275, postings 270". */
const counterDiffs = (m: Reconciliation["counter_mismatches"][number], t: T) =>
  (
    [
      ["posted", m.counter_posted, m.derived_posted],
      ["pendingIn", m.counter_pending_in, m.derived_pending_in],
      ["pendingOut", m.counter_pending_out, m.derived_pending_out],
    ] as const
  )
    .filter(([, counter, derived]) => Number(counter) !== Number(derived))
    .map(([name, counter, derived]) => t("ledger.counterDiff", { name: t(`ledger.counter.${name}`), counter, derived }))
    .join("; ")


function Problems({ title, rows }: { title: string; rows: ReactNode[] }) {
  if (!rows.length) return null
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      <Text size="small" weight="plus" className="text-ui-fg-error">
        {title} ({rows.length}
        {rows.length >= 100 ? "+" : ""})
      </Text>
      <ul className="txt-compact-xsmall font-mono flex flex-col gap-y-1">
        {rows.map((r, i) => (
          <li key={i} className="break-all">
            {r}
          </li>
        ))}
      </ul>
    </div>
  )
}

function ReconciliationSection() {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const { data, isLoading, isError, error, refetch, isFetching } = useQuery({
    queryKey: ledgerKeys.reconciliation,
    queryFn: () => sdk.client.fetch<{ reconciliation: Reconciliation }>("/admin/fission/ledger/reconciliation"),
  })
  const r = data?.reconciliation

  return (
    <Card
      title={t("ledger.reconciliation")}
      subtitle={
        r ? (
          <span className="flex items-center gap-x-2">
            {r.ok ? <StatusBadge color="green">{t("ledger.ok")}</StatusBadge> : <StatusBadge color="red">{t("ledger.problemsFound")}</StatusBadge>}
            {t("ledger.checkedAt", { at: f.dateTime(r.checked_at) })}
          </span>
        ) : (
          t("ledger.reconciliationHint")
        )
      }
      actions={
        <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => refetch()}>
          {t("ledger.recheck")}
        </Button>
      }
    >
      {!r ? (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("ledger.checking") : errorMessage(error)}
          </Text>
        </div>
      ) : (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("ledger.asset")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("ledger.accounts")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{t("ledger.sumOfBalances")}</Table.HeaderCell>
                <Table.HeaderCell>{t("ledger.zeroSum")}</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {r.assets.map((a) => (
                <Table.Row key={seriesKey(a)}>
                  <Table.Cell>{seriesLabel(a, t)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{a.accounts}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatAmount(a.total, a.asset)}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={a.balanced ? "green" : "red"}>
                      {a.balanced ? t("ledger.balanced") : t("ledger.unbalanced")}
                    </Badge>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!r.assets.length && (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                {t("ledger.noAccounts")}
              </Text>
            </div>
          )}
          <Problems title={t("ledger.counterMismatches")} rows={r.counter_mismatches.map((m) => `${m.key}: ${counterDiffs(m, t)}`)} />
          <Problems title={t("ledger.assetMismatches")} rows={r.asset_mismatches} />
          <Problems
            title={t("ledger.negativeAccounts")}
            rows={r.negative_accounts.map((n) => `${n.key}: ${t("ledger.available", { amount: n.available })}`)}
          />
        </>
      )}
    </Card>
  )
}

function PlatformBalancesSection() {
  const { t } = useTranslation("fission-core")
  // The route answers every platform account (a handful of purposes per asset) and takes no paging params.
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ledgerKeys.platformBalances,
    queryFn: () => sdk.client.fetch<{ platform_balances: PlatformBalance[] }>("/admin/fission/ledger/platform-balances"),
  })
  const rows = data?.platform_balances ?? []
  const series = [...new Map(rows.map((r) => [seriesKey(r), seriesLabel(r, t)])).entries()]
  const [chosen, setChosen] = useState<string | null>(null)
  const current = chosen && series.some(([k]) => k === chosen) ? chosen : series[0]?.[0]
  const chartRows = rows.filter((r) => seriesKey(r) === current)

  return (
    <Card
      title={t("ledger.platformAccounts")}
      subtitle={t("ledger.platformHint")}
      actions={
        series.length > 0 && current ? (
          <SelectInput className="w-[220px]" value={current} onValueChange={setChosen} options={series.map(([k, label]) => ({ value: k, label }))} />
        ) : undefined
      }
    >
      {current && chartRows.length > 0 && (
        <div className="px-6 py-4">
          {/* platform sources run negative, sinks positive */}
          <Chart
            horizontal
            height={Math.max(120, chartRows.length * 32)}
            data={chartRows}
            xKey="purpose"
            format={(v) => formatAmount(v, chartRows[0].asset, { signed: true })}
            series={[{ key: "balance", label: t("ledger.balance") }]}
          />
        </div>
      )}
      {rows.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("ledger.purpose")}</Table.HeaderCell>
              <Table.HeaderCell>{t("ledger.asset")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("ledger.balance")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("ledger.pendingIn")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">{t("ledger.pendingOut")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={`${r.purpose}:${seriesKey(r)}`}>
                <Table.Cell className="font-mono">{r.purpose}</Table.Cell>
                <Table.Cell>{seriesLabel(r, t)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatAmount(r.balance, r.asset)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatAmount(r.pending_in, r.asset)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">{formatAmount(r.pending_out, r.asset)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {!rows.length && (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("common.loading") : isError ? errorMessage(error) : t("ledger.noPlatformPostings")}
          </Text>
        </div>
      )}
    </Card>
  )
}

const RewardLedgerPage = () => (
  <Stack>
    <ReconciliationSection />
    <PlatformBalancesSection />
  </Stack>
)

export const config = defineRouteConfig({
  label: "nav.ledger",
  translationNs: "fission-core",
  icon: BookOpen,
})

export default RewardLedgerPage

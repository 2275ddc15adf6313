import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BookOpen } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import {
  assetLabel,
  currencyLabel,
  errorMessage,
  formatAmount,
  ledgerKeys,
  PlatformBalance,
  Reconciliation,
  when,
} from "../../lib/ledger"
import { sdk } from "../../../admin-kit"

type PlatformBalanceList = { platform_balances: PlatformBalance[]; count: number; offset: number; limit: number }

const seriesKey = (b: { asset: string; currency_code: string | null }) => `${b.asset}:${b.currency_code ?? "-"}`
const seriesLabel = (b: { asset: string; currency_code: string | null }) =>
  `${assetLabel(b.asset)}${b.currency_code ? ` ${currencyLabel(b.currency_code)}` : ""}`

/** Only the counters that differ: "posted: counter 275, postings 270". */
const counterDiffs = (m: Reconciliation["counter_mismatches"][number]) =>
  (
    [
      ["posted", m.counter_posted, m.derived_posted],
      ["pending in", m.counter_pending_in, m.derived_pending_in],
      ["pending out", m.counter_pending_out, m.derived_pending_out],
    ] as const
  )
    .filter(([, counter, derived]) => Number(counter) !== Number(derived))
    .map(([name, counter, derived]) => `${name}: counter ${counter}, postings ${derived}`)
    .join("; ")

function Section({ title, subtitle, action, children }: { title: string; subtitle?: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Heading level="h2">{title}</Heading>
          {subtitle && (
            <Text size="small" className="text-ui-fg-subtle">
              {subtitle}
            </Text>
          )}
        </div>
        {action}
      </div>
      {children}
    </Container>
  )
}

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
  const { data, isLoading, isError, error, refetch, isFetching } = useQuery({
    queryKey: ledgerKeys.reconciliation,
    queryFn: () => sdk.client.fetch<{ reconciliation: Reconciliation }>("/admin/fission/ledger/reconciliation"),
  })
  const r = data?.reconciliation

  return (
    <Section
      title="Reconciliation"
      subtitle={
        r ? (
          <span className="flex items-center gap-x-2">
            {r.ok ? (
              <StatusBadge color="green">OK</StatusBadge>
            ) : (
              <StatusBadge color="red">Problems found</StatusBadge>
            )}
            checked {when(r.checked_at)}
          </span>
        ) : (
          "Every asset sums to zero, account counters match their postings, no spendable balance below zero."
        )
      }
      action={
        <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => refetch()}>
          Re-check
        </Button>
      }
    >
      {!r ? (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? "Checking…" : errorMessage(error)}
          </Text>
        </div>
      ) : (
        <>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Asset</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Accounts</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Sum of balances</Table.HeaderCell>
                <Table.HeaderCell>Zero-sum</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {r.assets.map((a) => (
                <Table.Row key={seriesKey(a)}>
                  <Table.Cell>{seriesLabel(a)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{a.accounts}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatAmount(a.total, a.asset)}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={a.balanced ? "green" : "red"}>
                      {a.balanced ? "balanced" : "unbalanced"}
                    </Badge>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {!r.assets.length && (
            <div className="px-6 py-4">
              <Text size="small" className="text-ui-fg-subtle">
                No ledger accounts yet.
              </Text>
            </div>
          )}
          <Problems
            title="Account counters that differ from their postings"
            rows={r.counter_mismatches.map((m) => `${m.key}: ${counterDiffs(m)}`)}
          />
          <Problems title="Postings whose accounts have another asset or currency" rows={r.asset_mismatches} />
          <Problems
            title="Spendable accounts below zero"
            rows={r.negative_accounts.map((n) => `${n.key}: available ${n.available}`)}
          />
        </>
      )}
    </Section>
  )
}

/** Horizontal bars per platform purpose for one asset; platform sources run negative, sinks positive. */
function BalanceBars({ rows }: { rows: PlatformBalance[] }) {
  const max = Math.max(...rows.map((r) => Math.abs(r.balance)), 0)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4">
      {rows.map((r) => {
        const width = max ? Math.max((Math.abs(r.balance) / max) * 50, r.balance ? 0.5 : 0) : 0
        return (
          <div key={r.purpose} className="grid grid-cols-[160px_1fr_120px] items-center gap-x-3">
            <Text size="small" className="truncate font-mono" title={r.purpose}>
              {r.purpose}
            </Text>
            {/* zero in the middle: negative grows left, positive right */}
            <div className="bg-ui-bg-subtle relative h-4 rounded">
              <div className="bg-ui-border-strong absolute inset-y-0 left-1/2 w-px" />
              <div
                className={`absolute inset-y-0.5 rounded-sm ${r.balance < 0 ? "bg-ui-tag-red-icon" : "bg-ui-tag-green-icon"}`}
                style={r.balance < 0 ? { right: "50%", width: `${width}%` } : { left: "50%", width: `${width}%` }}
              />
            </div>
            <Text size="small" className="text-right tabular-nums">
              {formatAmount(r.balance, r.asset, { signed: true })}
            </Text>
          </div>
        )
      })}
    </div>
  )
}

function PlatformBalancesSection() {
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ledgerKeys.platformBalances,
    queryFn: () => sdk.client.fetch<PlatformBalanceList>("/admin/fission/ledger/platform-balances"),
  })
  const rows = data?.platform_balances ?? []
  const series = [...new Map(rows.map((r) => [seriesKey(r), seriesLabel(r)])).entries()]
  const [chosen, setChosen] = useState<string | null>(null)
  const current = chosen && series.some(([k]) => k === chosen) ? chosen : series[0]?.[0]

  return (
    <Section
      title="Platform accounts"
      subtitle="The other side of every customer posting: where rewards come from and where spending goes."
      action={
        series.length > 0 && current ? (
          <div className="w-[220px]">
            <Select size="small" value={current} onValueChange={setChosen}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {series.map(([k, label]) => (
                  <Select.Item key={k} value={k}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        ) : undefined
      }
    >
      {current && <BalanceBars rows={rows.filter((r) => seriesKey(r) === current)} />}
      {rows.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Purpose</Table.HeaderCell>
              <Table.HeaderCell>Asset</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Balance</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Pending in</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Pending out</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((r) => (
              <Table.Row key={`${r.purpose}:${seriesKey(r)}`}>
                <Table.Cell className="font-mono">{r.purpose}</Table.Cell>
                <Table.Cell>{seriesLabel(r)}</Table.Cell>
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
            {isLoading ? "Loading…" : isError ? errorMessage(error) : "No platform postings yet."}
          </Text>
        </div>
      )}
    </Section>
  )
}

const RewardLedgerPage = () => (
  <div className="flex flex-col gap-y-3">
    <ReconciliationSection />
    <PlatformBalancesSection />
  </div>
)

export const config = defineRouteConfig({
  label: "nav.ledger", translationNs: "fission-core",
  icon: BookOpen,
})

export default RewardLedgerPage

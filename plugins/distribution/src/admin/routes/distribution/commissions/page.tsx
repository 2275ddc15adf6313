import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Input, StatusBadge, Table, Text } from "@medusajs/ui"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { Link, useSearchParams } from "react-router-dom"
import { CustomerLink } from "../../../components/customer-link"
import { DailyChart } from "../../../components/daily-chart"
import { ALL, FilterSelect } from "../../../components/filter-select"
import { SectionHeader, Stat, TableNote } from "../../../components/section"
import {
  COMMISSION_KINDS,
  COMMISSION_STATUS_COLOR,
  COMMISSION_STATUSES,
  CommissionList,
  CommissionTotals,
  DailyCommissions,
  distKeys,
  errorMessage,
  label,
  money,
  when,
} from "../../../lib/distribution"
import { Pager, sdk } from "@fission/core/admin-kit"

const PAGE_SIZE = 20
const TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC"

/** Local calendar day "2026-11-23" → the instant it starts (or the next day starts, for an inclusive end). */
const dayStart = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split("-").map(Number)
  return new Date(y, m - 1, d + plusDays).toISOString()
}

function Totals({ totals }: { totals: CommissionTotals }) {
  if (!totals.by_currency.length) return null
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      {totals.by_currency.map((c) => (
        <div key={c.currency_code} className="flex flex-wrap gap-3">
          <Stat label={`Net · ${c.currency_code.toUpperCase()}`} value={money(c.net_amount, c.currency_code)} hint={`${c.count} records`} />
          {COMMISSION_STATUSES.map((s) => {
            const t = c.by_status[s]
            return (
              <Stat
                key={s}
                label={s}
                value={money(t?.amount ?? 0, c.currency_code)}
                hint={`${t?.count ?? 0} records${t?.reversed_amount ? ` · ${money(t.reversed_amount, c.currency_code)} reversed` : ""}`}
              />
            )
          })}
        </div>
      ))}
    </div>
  )
}

const CommissionsPage = () => {
  const [params] = useSearchParams()
  const [status, setStatus] = useState(ALL)
  const [kind, setKind] = useState(ALL)
  const [level, setLevel] = useState(ALL)
  const [beneficiary, setBeneficiary] = useState(params.get("beneficiary_id") ?? "")
  const [buyer, setBuyer] = useState(params.get("buyer_id") ?? "")
  const [order, setOrder] = useState(params.get("order_id") ?? "")
  const [from, setFrom] = useState("")
  const [to, setTo] = useState("")
  const [pageIndex, setPageIndex] = useState(0)

  const filters = useMemo(
    () => ({
      status: status === ALL ? undefined : status,
      kind: kind === ALL ? undefined : kind,
      level: level === ALL ? undefined : level,
      beneficiary_id: beneficiary.trim() || undefined,
      buyer_id: buyer.trim() || undefined,
      order_id: order.trim() || undefined,
    }),
    [status, kind, level, beneficiary, buyer, order]
  )
  const created_at = useMemo(
    () => (from || to ? { ...(from ? { gte: dayStart(from) } : {}), ...(to ? { lt: dayStart(to, 1) } : {}) } : undefined),
    [from, to]
  )

  const list = useQuery({
    queryKey: distKeys.scope("commissions", filters, created_at, pageIndex),
    queryFn: () =>
      sdk.client.fetch<CommissionList>("/admin/fission/commissions", {
        query: { ...filters, created_at, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  })
  const daily = useQuery({
    queryKey: distKeys.scope("commissions-daily", filters),
    queryFn: () =>
      sdk.client.fetch<{ daily: DailyCommissions }>("/admin/fission/commissions/daily", {
        query: { ...filters, days: 30, timezone: TIMEZONE },
      }),
  })

  const count = list.data?.count ?? 0
  const reset = (fn: (v: string) => void) => (v: string) => {
    fn(v)
    setPageIndex(0)
  }
  const anyFilter = status !== ALL || kind !== ALL || level !== ALL || beneficiary || buyer || order || from || to

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <SectionHeader
          title="Commissions"
          subtitle="Every commission record with what it paid whom. Totals cover everything the filters match."
        />
        <div className="flex flex-wrap items-end gap-2 px-6 py-4">
          <FilterSelect value={status} onChange={reset(setStatus)} allLabel="All statuses" options={COMMISSION_STATUSES.map((s) => ({ value: s, label: s }))} />
          <FilterSelect value={kind} onChange={reset(setKind)} allLabel="All kinds" options={COMMISSION_KINDS.map((k) => ({ value: k, label: label(k) }))} />
          <FilterSelect
            value={level}
            onChange={reset(setLevel)}
            allLabel="All levels"
            className="w-[120px]"
            options={[
              { value: "1", label: "Level 1" },
              { value: "2", label: "Level 2" },
            ]}
          />
          <Input size="small" className="w-[200px]" placeholder="Beneficiary id (cus_…)" value={beneficiary} onChange={(e) => reset(setBeneficiary)(e.target.value)} />
          <Input size="small" className="w-[180px]" placeholder="Buyer id (cus_…)" value={buyer} onChange={(e) => reset(setBuyer)(e.target.value)} />
          <Input size="small" className="w-[180px]" placeholder="Order id (order_…)" value={order} onChange={(e) => reset(setOrder)(e.target.value)} />
          <div className="flex items-center gap-x-1">
            <Input size="small" type="date" aria-label="From" value={from} onChange={(e) => reset(setFrom)(e.target.value)} />
            <Text size="small" className="text-ui-fg-subtle">
              –
            </Text>
            <Input size="small" type="date" aria-label="To" value={to} onChange={(e) => reset(setTo)(e.target.value)} />
          </div>
          {anyFilter && (
            <Button
              size="small"
              variant="transparent"
              onClick={() => {
                ;[setStatus, setKind, setLevel].forEach((f) => f(ALL))
                ;[setBeneficiary, setBuyer, setOrder, setFrom, setTo].forEach((f) => f(""))
                setPageIndex(0)
              }}
            >
              Clear filters
            </Button>
          )}
        </div>
        {list.data && <Totals totals={list.data.totals} />}
        <div className="px-6 py-4">
          {daily.data ? (
            <DailyChart daily={daily.data.daily} />
          ) : (
            <Text size="small" className={daily.isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
              {daily.isError ? errorMessage(daily.error) : "Loading chart…"}
            </Text>
          )}
        </div>
      </Container>
      <Container className="divide-y p-0">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Created</Table.HeaderCell>
              <Table.HeaderCell>Beneficiary</Table.HeaderCell>
              <Table.HeaderCell>Buyer</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Reversed</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Available</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {list.data?.commissions.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell className="whitespace-nowrap">{when(c.created_at)}</Table.Cell>
                <Table.Cell>
                  <CustomerLink customer={c.beneficiary} />
                </Table.Cell>
                <Table.Cell>{c.buyer && <CustomerLink customer={c.buyer} compact />}</Table.Cell>
                <Table.Cell>
                  <Link to={`/orders/${c.order_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono txt-compact-xsmall">
                    {c.order_id.slice(0, 14)}…
                  </Link>
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap">
                  {label(c.kind)} · L{c.level}
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">{money(c.amount, c.currency_code)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {c.reversed_amount ? <span className="text-ui-fg-error">−{money(c.reversed_amount, c.currency_code)}</span> : <span className="text-ui-fg-muted">–</span>}
                </Table.Cell>
                <Table.Cell>
                  <StatusBadge color={COMMISSION_STATUS_COLOR[c.status]}>{c.status}</StatusBadge>
                </Table.Cell>
                <Table.Cell className="whitespace-nowrap">{c.settled_at ? when(c.settled_at) : <span className="text-ui-fg-muted">pending</span>}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <TableNote
          loading={list.isLoading}
          error={list.isError ? errorMessage(list.error) : null}
          empty={!!list.data && !list.data.commissions.length}
          emptyText="No commissions match these filters."
        />
        <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.commissions", translationNs: "fission-distribution", rank: 4 })

export default CommissionsPage

import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataList,
  errorMessage,
  filteringToQuery,
  StoreFormat,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Input, StatusBadge, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useSearchParams } from "react-router-dom"
import { CustomerLink } from "../../../components/customer-link"
import { DailyChart } from "../../../components/daily-chart"
import { Stat } from "../../../components/section"
import {
  Commission,
  COMMISSION_KINDS,
  COMMISSION_STATUS_COLOR,
  COMMISSION_STATUSES,
  CommissionList,
  CommissionTotals,
  DailyCommissions,
  distKeys,
} from "../../../lib/distribution"
import { sdk } from "@fission/core/admin-kit"

type T = (key: string, opts?: Record<string, unknown>) => string
const col = createDataTableColumnHelper<Commission>()
const filter = createDataTableFilterHelper<Commission>()

/** Local calendar day "2026-11-23" → the instant it starts (or the next day starts, for an inclusive end). */
const dayStart = (date: string, plusDays = 0) => {
  const [y, m, d] = date.split("-").map(Number)
  return new Date(y, m - 1, d + plusDays).toISOString()
}

function Totals({ totals, f, t }: { totals: CommissionTotals; f: StoreFormat; t: T }) {
  if (!totals.by_currency.length) return null
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4">
      {totals.by_currency.map((c) => (
        <div key={c.currency_code} className="flex flex-wrap gap-3">
          <Stat label={t("commissions.net", { currency: c.currency_code.toUpperCase() })} value={f.money(c.net_amount, c.currency_code)} hint={t("commissions.records", { count: c.count })} />
          {COMMISSION_STATUSES.map((s) => {
            const sum = c.by_status[s]
            return (
              <Stat
                key={s}
                label={t(`commissionStatus.${s}`)}
                value={f.money(sum?.amount ?? 0, c.currency_code)}
                hint={
                  t("commissions.records", { count: sum?.count ?? 0 }) +
                  (sum?.reversed_amount ? t("commissions.reversedHint", { amount: f.money(sum.reversed_amount, c.currency_code) }) : "")
                }
              />
            )
          })}
        </div>
      ))}
    </div>
  )
}

const CommissionsPage = () => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const [params] = useSearchParams()
  const [from, setFrom] = useState("")
  const [to, setTo] = useState("")
  const filters = useMemo(
    () => [
      filter.accessor("status", { type: "radio", label: t("commissions.status"), options: COMMISSION_STATUSES.map((s) => ({ value: s, label: t(`commissionStatus.${s}`) })) }),
      filter.accessor("kind", { type: "radio", label: t("commissions.kind"), options: COMMISSION_KINDS.map((k) => ({ value: k, label: t(`commissionKind.${k}`) })) }),
      filter.accessor("level", {
        type: "radio",
        label: t("commissions.level"),
        options: [
          { value: "1", label: t("commissions.levelN", { level: 1 }) },
          { value: "2", label: t("commissions.levelN", { level: 2 }) },
        ],
      }),
      filter.accessor("beneficiary_id", { type: "string", label: t("commissions.beneficiaryId") }),
      filter.accessor("buyer_id", { type: "string", label: t("commissions.buyerId") }),
      filter.accessor("order_id", { type: "string", label: t("commissions.orderId") }),
    ],
    [t]
  )
  const initialFiltering = Object.fromEntries(
    ["beneficiary_id", "buyer_id", "order_id"].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))
  )
  const created_at = useMemo(
    () => (from || to ? { ...(from ? { gte: dayStart(from) } : {}), ...(to ? { lt: dayStart(to, 1) } : {}) } : undefined),
    [from, to]
  )
  const list = useServerList<Commission, CommissionList>({
    path: "/admin/fission/commissions",
    rowsKey: "commissions",
    queryKey: distKeys.scope("commissions"),
    query: created_at ? { created_at } : {},
    filters,
    initialFiltering,
  })
  const filterQuery = filteringToQuery(list.filtering)
  const daily = useQuery({
    queryKey: distKeys.scope("commissions-daily", filterQuery, f.timeZone),
    queryFn: () =>
      sdk.client.fetch<{ daily: DailyCommissions }>("/admin/fission/commissions/daily", {
        query: { ...filterQuery, days: 30, timezone: f.timeZone },
      }),
  })

  const muted = (text: string) => <span className="text-ui-fg-muted">{text}</span>
  const columns = [
    col.accessor("created_at", { header: t("commissions.created"), cell: ({ getValue }) => <span className="whitespace-nowrap">{f.dateTime(getValue())}</span> }),
    col.accessor("beneficiary_id", { header: t("commissions.beneficiary"), cell: ({ row }) => <CustomerLink customer={row.original.beneficiary} /> }),
    col.accessor("buyer_id", { header: t("commissions.buyer"), cell: ({ row }) => row.original.buyer && <CustomerLink customer={row.original.buyer} compact /> }),
    col.accessor("order_id", {
      header: t("commissions.order"),
      cell: ({ getValue }) => (
        <Link to={`/orders/${getValue()}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover font-mono txt-compact-xsmall" onClick={(e) => e.stopPropagation()}>
          {getValue().slice(0, 14)}…
        </Link>
      ),
    }),
    col.accessor("kind", { header: t("commissions.kind"), cell: ({ row: { original: c } }) => <span className="whitespace-nowrap">{`${t(`commissionKind.${c.kind}`)} · L${c.level}`}</span> }),
    col.accessor("amount", { header: t("commissions.amount"), headerAlign: "right", cell: ({ row: { original: c } }) => <span className="tabular-nums">{f.money(c.amount, c.currency_code)}</span> }),
    col.accessor("reversed_amount", {
      header: t("commissions.reversed"),
      headerAlign: "right",
      cell: ({ row: { original: c } }) => (c.reversed_amount ? <span className="text-ui-fg-error tabular-nums">−{f.money(c.reversed_amount, c.currency_code)}</span> : muted("–")),
    }),
    col.accessor("status", { header: t("commissions.status"), cell: ({ getValue }) => <StatusBadge color={COMMISSION_STATUS_COLOR[getValue()]}>{t(`commissionStatus.${getValue()}`)}</StatusBadge> }),
    col.accessor("settled_at", {
      header: t("commissions.available"),
      cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue() ? f.dateTime(getValue()) : muted(t("commissionStatus.pending"))}</span>,
    }),
  ]

  return (
    <DataList
      list={list}
      columns={columns}
      title={t("commissions.title")}
      subtitle={t("commissions.subtitle")}
      empty={{ heading: t("commissions.empty") }}
      actions={
        <div className="flex items-center gap-x-1">
          <Input size="small" type="date" aria-label={t("commissions.from")} value={from} onChange={(e) => setFrom(e.target.value)} />
          <Text size="small" className="text-ui-fg-subtle">
            –
          </Text>
          <Input size="small" type="date" aria-label={t("commissions.to")} value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
      }
    >
      {list.data && <Totals totals={list.data.totals} f={f} t={t} />}
      <div className="px-6 py-4">
        {daily.data ? (
          <DailyChart daily={daily.data.daily} />
        ) : (
          <Text size="small" className={daily.isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {daily.isError ? errorMessage(daily.error) : t("common.loadingChart")}
          </Text>
        )}
      </div>
    </DataList>
  )
}

export const config = defineRouteConfig({ label: "nav.commissions", translationNs: "fission-distribution", rank: 4 })

export default CommissionsPage

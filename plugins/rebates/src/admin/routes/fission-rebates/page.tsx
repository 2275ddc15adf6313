import {
  Card,
  Chart,
  createDataTableColumnHelper,
  DataList,
  errorMessage,
  Fact,
  fieldErrors,
  sdk,
  Stack,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Badge, Button, Input, Label, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { currentMonth, MonthClosePreview, PoolRun, rebateKeys, RebateLevel, RebateSettings } from "../../lib/rebates"

const NS = "fission-rebates"

/** Numbers typed as numbers; anything else is sent as typed so the server's 400 names the field. */
const asValue = (text: string) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text)
const structureText = (s: number[] | null) => (s ? s.join("×") : "")
const parseStructure = (text: string) => (text.trim() === "" ? null : text.split(/[×x,\s]+/).filter(Boolean).map(asValue))

const LEVEL_FIELDS = ["position", "name", "min_consumption", "team_structure", "dividend_points"] as const
type LevelDraft = Record<(typeof LEVEL_FIELDS)[number], string>
const toDraft = (l?: RebateLevel): LevelDraft => ({
  position: String(l?.position ?? ""),
  name: l?.name ?? "",
  min_consumption: String(l?.min_consumption ?? ""),
  team_structure: structureText(l?.team_structure ?? null),
  dividend_points: String(l?.dividend_points ?? ""),
})
const fromDraft = (d: LevelDraft) => ({
  position: asValue(d.position),
  name: d.name,
  min_consumption: asValue(d.min_consumption),
  team_structure: parseStructure(d.team_structure),
  dividend_points: asValue(d.dividend_points),
})

/** Level editor (SPEC §3.1): one row per level, saved one by one; a new row at the bottom. */
const LevelsSection = () => {
  const { t } = useTranslation(NS)
  const qc = useQueryClient()
  // The route answers every level (a store has a handful) and takes no paging params.
  const { data } = useQuery({ queryKey: rebateKeys.levels, queryFn: () => sdk.client.fetch<{ levels: RebateLevel[] }>("/admin/fission/rebates/levels") })
  const levels = data?.levels
  const [drafts, setDrafts] = useState<Record<string, LevelDraft>>({})
  const [fresh, setFresh] = useState<LevelDraft>(toDraft())
  // the row whose save failed, and the field its 400 names
  const [rowError, setRowError] = useState<{ id: string; errors: Record<string, string> } | null>(null)
  const refresh = () => qc.invalidateQueries({ queryKey: rebateKeys.levels })
  const save = useMutation({
    mutationFn: ({ id, draft }: { id?: string; draft: LevelDraft }) =>
      sdk.client.fetch(id ? `/admin/fission/rebates/levels/${id}` : "/admin/fission/rebates/levels", { method: "POST", body: fromDraft(draft) }),
    onSuccess: (_, v) => {
      toast.success(t("levels.saved"))
      setRowError(null)
      if (!v.id) setFresh(toDraft())
      refresh()
    },
    onError: (e, v) => {
      setRowError({ id: v.id ?? "new", errors: fieldErrors(e, LEVEL_FIELDS) })
      toast.error(errorMessage(e))
    },
  })
  const remove = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/fission/rebates/levels/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success(t("levels.deleted"))
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const row = (id: string, draft: LevelDraft, set: (d: LevelDraft) => void) =>
    LEVEL_FIELDS.map((k) => {
      const error = rowError?.id === id ? rowError.errors[k] : undefined
      return (
        <Table.Cell key={k}>
          <Input
            size="small"
            aria-invalid={!!error}
            value={draft[k]}
            placeholder={k === "team_structure" ? t("levels.structurePlaceholder") : ""}
            onChange={(e) => set({ ...draft, [k]: e.target.value })}
          />
          {error && (
            <Text size="xsmall" className="text-ui-fg-error">
              {error}
            </Text>
          )}
        </Table.Cell>
      )
    })
  return (
    <Card title={t("levels.title")} subtitle={t("levels.subtitle")}>
      <Table>
        <Table.Header>
          <Table.Row>
            {LEVEL_FIELDS.map((k) => (
              <Table.HeaderCell key={k}>{t(`levels.${k}`)}</Table.HeaderCell>
            ))}
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(levels ?? []).map((l) => {
            const draft = drafts[l.id] ?? toDraft(l)
            return (
              <Table.Row key={l.id}>
                {row(l.id, draft, (d) => setDrafts({ ...drafts, [l.id]: d }))}
                <Table.Cell>
                  <div className="flex gap-x-2">
                    <Button size="small" variant="secondary" onClick={() => save.mutate({ id: l.id, draft })}>
                      {t("common.save")}
                    </Button>
                    <Button size="small" variant="danger" onClick={() => remove.mutate(l.id)}>
                      {t("common.delete")}
                    </Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            )
          })}
          <Table.Row>
            {row("new", fresh, setFresh)}
            <Table.Cell>
              <Button size="small" onClick={() => save.mutate({ draft: fresh })}>
                {t("common.add")}
              </Button>
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </Card>
  )
}

const SETTINGS_FIELDS = [
  "time_zone",
  "close_day",
  "pool_mode",
  "pool_amount",
  "pool_rate",
  "pool_threshold",
  "payout_destination",
  "points_after_close",
  "tiered_enabled",
  "tiered_tiers",
] as const

/** Pool and tiered-rebate settings (SPEC §3.3, §3.4). */
const SettingsSection = () => {
  const { t } = useTranslation(NS)
  const qc = useQueryClient()
  const { data } = useQuery({ queryKey: rebateKeys.settings, queryFn: () => sdk.client.fetch<{ settings: RebateSettings }>("/admin/fission/rebates/settings") })
  const [draft, setDraft] = useState<Record<string, any> | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  useEffect(() => {
    if (data && !draft) {
      const s = data.settings
      setDraft({ ...s, tiers: s.tiered_tiers.map((tier) => `${tier.min_spend}:${tier.rate}`).join(", ") })
    }
  }, [data])
  const save = useMutation({
    mutationFn: (d: Record<string, any>) =>
      sdk.client.fetch<{ settings: RebateSettings }>("/admin/fission/rebates/settings", {
        method: "POST",
        body: {
          time_zone: d.time_zone,
          close_day: asValue(String(d.close_day)),
          pool_mode: d.pool_mode,
          pool_amount: asValue(String(d.pool_amount)),
          pool_rate: asValue(String(d.pool_rate)),
          pool_threshold: asValue(String(d.pool_threshold)),
          payout_destination: d.payout_destination,
          points_after_close: d.points_after_close,
          tiered_enabled: !!d.tiered_enabled,
          tiered_tiers: String(d.tiers ?? "")
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
            .map((s) => {
              const [min_spend, rate] = s.split(":")
              return { min_spend: asValue(min_spend ?? ""), rate: asValue(rate ?? "") }
            }),
        },
      }),
    onSuccess: () => {
      toast.success(t("settings.saved"))
      setErrors({})
      qc.invalidateQueries({ queryKey: rebateKeys.settings })
    },
    onError: (e) => {
      const byField = fieldErrors(e, SETTINGS_FIELDS)
      // the tiers text box edits `tiered_tiers`
      setErrors(byField.tiered_tiers ? { ...byField, tiers: byField.tiered_tiers } : byField)
      toast.error(errorMessage(e))
    },
  })
  if (!draft) return null
  const fieldError = (key: string) =>
    errors[key] ? (
      <Text size="xsmall" className="text-ui-fg-error">
        {errors[key]}
      </Text>
    ) : null
  const field = (key: string, hint?: string) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{t(`settings.${key}`)}</Label>
      <Input size="small" value={String(draft[key] ?? "")} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      {fieldError(key) ?? (hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>)}
    </div>
  )
  const choice = (key: string, options: string[]) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{t(`settings.${key}`)}</Label>
      <Select size="small" value={draft[key]} onValueChange={(v) => setDraft({ ...draft, [key]: v })}>
        <Select.Trigger>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((v) => (
            <Select.Item key={v} value={v}>
              {t(`settings.options.${key}.${v}`)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
      {fieldError(key)}
    </div>
  )
  return (
    <Card title={t("settings.title")}>
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {choice("pool_mode", ["gmv_rate", "fixed"])}
        {field("pool_rate", t("settings.poolRateHint"))}
        {field("pool_amount")}
        {field("pool_threshold")}
        {choice("payout_destination", ["commission", "store_credit"])}
        {choice("points_after_close", ["keep", "reset"])}
        {field("close_day", t("settings.closeDayHint"))}
        {field("time_zone")}
        <div className="flex flex-col gap-y-1">
          <Label size="small">{t("settings.tiered_enabled")}</Label>
          <Switch checked={!!draft.tiered_enabled} onCheckedChange={(v) => setDraft({ ...draft, tiered_enabled: v })} />
        </div>
        <div className="col-span-3">{field("tiers", t("settings.tiersHint"))}</div>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" onClick={() => save.mutate(draft)}>
          {t("settings.save")}
        </Button>
      </div>
    </Card>
  )
}

/** Month close: preview what it would pay, then execute (idempotent per month). */
const MonthCloseSection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  const qc = useQueryClient()
  const [month, setMonth] = useState(currentMonth())
  const { data, refetch, isFetching, error } = useQuery({
    queryKey: rebateKeys.preview(month),
    queryFn: () => sdk.client.fetch<{ preview: MonthClosePreview }>("/admin/fission/rebates/month-close/preview", { query: { month } }),
    enabled: /^\d{4}-\d{2}$/.test(month),
  })
  const execute = useMutation({
    mutationFn: () => sdk.client.fetch<{ run: PoolRun; replayed: boolean }>("/admin/fission/rebates/month-close", { method: "POST", body: { month } }),
    onSuccess: (r) => {
      toast.success(
        r.replayed
          ? t("close.replayed", { month })
          : t("close.done", { month, amount: f.money(r.run.paid_amount, r.run.currency_code), count: r.run.holders })
      )
      qc.invalidateQueries({ queryKey: rebateKeys.runs })
      refetch()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const p = data?.preview
  return (
    <Card
      title={t("close.title")}
      actions={
        <>
          <Input size="small" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="YYYY-MM" />
          <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => refetch()}>
            {t("close.preview")}
          </Button>
          <Button size="small" disabled={!p || p.run?.status === "completed"} isLoading={execute.isPending} onClick={() => execute.mutate()}>
            {t("close.execute")}
          </Button>
        </>
      }
    >
      {error && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {p && (
        <div className="grid grid-cols-4 gap-4 px-6 py-4">
          <Fact label={t("close.paidGmv")}>{f.money(p.gmv, p.currency_code)}</Fact>
          <Fact label={t("close.pool")}>{f.money(p.pool_amount, p.currency_code)}</Fact>
          <Fact label={<>{t("close.holdersAbove", { threshold: p.threshold })}</>}>{t("close.holders", { holders: f.number(p.holders), points: f.number(p.total_points) })}</Fact>
          <Fact label={t("close.tiered")}>{p.tiered.payouts} · {f.money(p.tiered.amount, p.currency_code)}</Fact>
          <div className="col-span-4">
            {p.run && <Badge color={p.run.status === "completed" ? "green" : "orange"}>{t("close.run", { status: t(`runStatus.${p.run.status}`) })}</Badge>}
            <Text size="small" className="text-ui-fg-subtle">
              {t("close.largestShares", {
                destination: t(`settings.options.payout_destination.${p.payout_destination}`),
                after: t(`settings.options.points_after_close.${p.points_after_close}`),
              })}
            </Text>
            {p.top_shares.slice(0, 10).map((s) => (
              <Text key={s.customer_id} size="small">
                {t("close.share", { customer: s.customer_id, points: f.number(s.points), amount: f.money(s.amount, p.currency_code) })}
              </Text>
            ))}
          </div>
        </div>
      )}
    </Card>
  )
}

const runCol = createDataTableColumnHelper<PoolRun>()

/** Pool history, every month through the pager, with a chart of the page shown. */
const HistorySection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  const list = useServerList<PoolRun, { pool_runs: PoolRun[]; count: number }>({
    path: "/admin/fission/rebates/pool-runs",
    rowsKey: "pool_runs",
    queryKey: rebateKeys.runs,
    pageSize: 12,
  })
  const money = (key: "gmv" | "pool_amount" | "paid_amount") =>
    runCol.accessor(key, { header: t(`history.${key}`), cell: ({ row }) => f.money(row.original[key], row.original.currency_code) })
  const columns = [
    runCol.accessor("month", { header: t("history.month") }),
    runCol.accessor("status", { header: t("history.status"), cell: ({ row: { original: r } }) => `${t(`runStatus.${r.status}`)}${r.error ? ` — ${r.error}` : ""}` }),
    money("gmv"),
    money("pool_amount"),
    money("paid_amount"),
    runCol.accessor("holders", { header: t("history.holders"), cell: ({ getValue }) => f.number(getValue()) }),
    runCol.accessor("id", { header: t("history.runId") }),
  ]
  return (
    <DataList list={list} columns={columns} title={t("history.title")} empty={{ heading: t("history.empty") }}>
      {list.rows.length > 0 && (
        <div className="px-6 py-4">
          <Chart
            data={[...list.rows].reverse()}
            xKey="month"
            format={(v) => f.money(v, list.rows[0]?.currency_code)}
            series={[
              { key: "pool_amount", label: t("history.pool_amount"), color: "#6366f1" },
              { key: "paid_amount", label: t("history.paid_amount"), color: "#10b981" },
              { key: "tiered_amount", label: t("close.tiered"), color: "#f59e0b" },
            ]}
          />
        </div>
      )}
    </DataList>
  )
}

const RebatesPage = () => (
  <Stack>
    <MonthCloseSection />
    <HistorySection />
    <LevelsSection />
    <SettingsSection />
  </Stack>
)

export const config = defineRouteConfig({ label: "nav.rebates", translationNs: "fission-rebates", icon: ChartBar })

export default RebatesPage

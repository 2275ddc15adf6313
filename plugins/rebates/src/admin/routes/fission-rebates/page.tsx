import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { currentMonth, errorMessage, MonthClosePreview, PoolRun, rebateKeys, RebateLevel, RebateSettings } from "../../lib/rebates"
import { Chart, sdk } from "@fission/core/admin-kit"

/** Numbers typed as numbers; anything else is sent as typed so the server's 400 names the field. */
const asValue = (text: string) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text)
const structureText = (s: number[] | null) => (s ? s.join("×") : "")
const parseStructure = (text: string) => (text.trim() === "" ? null : text.split(/[×x,\s]+/).filter(Boolean).map(asValue))

type LevelDraft = { position: string; name: string; min_consumption: string; team_structure: string; dividend_points: string }
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
  const qc = useQueryClient()
  const { data } = useQuery({ queryKey: rebateKeys.levels, queryFn: () => sdk.client.fetch<{ levels: RebateLevel[] }>("/admin/fission/rebates/levels") })
  const [drafts, setDrafts] = useState<Record<string, LevelDraft>>({})
  const [fresh, setFresh] = useState<LevelDraft>(toDraft())
  const refresh = () => qc.invalidateQueries({ queryKey: rebateKeys.levels })
  const save = useMutation({
    mutationFn: ({ id, draft }: { id?: string; draft: LevelDraft }) =>
      sdk.client.fetch(id ? `/admin/fission/rebates/levels/${id}` : "/admin/fission/rebates/levels", { method: "POST", body: fromDraft(draft) }),
    onSuccess: (_, v) => {
      toast.success("Level saved")
      if (!v.id) setFresh(toDraft())
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/fission/rebates/levels/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      toast.success("Level deleted")
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const row = (draft: LevelDraft, set: (d: LevelDraft) => void) =>
    (["position", "name", "min_consumption", "team_structure", "dividend_points"] as const).map((k) => (
      <Table.Cell key={k}>
        <Input size="small" value={draft[k]} placeholder={k === "team_structure" ? "e.g. 3×9" : ""} onChange={(e) => set({ ...draft, [k]: e.target.value })} />
      </Table.Cell>
    ))
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Activity levels</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Monthly paid consumption (net of refunds), optional team structure a×b×c (active members at depth 1, 2, 3), dividend points awarded once a month.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Position</Table.HeaderCell>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Monthly consumption</Table.HeaderCell>
            <Table.HeaderCell>Team structure</Table.HeaderCell>
            <Table.HeaderCell>Dividend points</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.levels ?? []).map((l) => {
            const draft = drafts[l.id] ?? toDraft(l)
            return (
              <Table.Row key={l.id}>
                {row(draft, (d) => setDrafts({ ...drafts, [l.id]: d }))}
                <Table.Cell>
                  <div className="flex gap-x-2">
                    <Button size="small" variant="secondary" onClick={() => save.mutate({ id: l.id, draft })}>Save</Button>
                    <Button size="small" variant="danger" onClick={() => remove.mutate(l.id)}>Delete</Button>
                  </div>
                </Table.Cell>
              </Table.Row>
            )
          })}
          <Table.Row>
            {row(fresh, setFresh)}
            <Table.Cell>
              <Button size="small" onClick={() => save.mutate({ draft: fresh })}>Add</Button>
            </Table.Cell>
          </Table.Row>
        </Table.Body>
      </Table>
    </Container>
  )
}

/** Pool and tiered-rebate settings (SPEC §3.3, §3.4). */
const SettingsSection = () => {
  const qc = useQueryClient()
  const { data } = useQuery({ queryKey: rebateKeys.settings, queryFn: () => sdk.client.fetch<{ settings: RebateSettings }>("/admin/fission/rebates/settings") })
  const [draft, setDraft] = useState<Record<string, any> | null>(null)
  useEffect(() => {
    if (data && !draft) {
      const s = data.settings
      setDraft({ ...s, tiers: s.tiered_tiers.map((t) => `${t.min_spend}:${t.rate}`).join(", ") })
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
            .map((t) => t.trim())
            .filter(Boolean)
            .map((t) => {
              const [min_spend, rate] = t.split(":")
              return { min_spend: asValue(min_spend ?? ""), rate: asValue(rate ?? "") }
            }),
        },
      }),
    onSuccess: () => {
      toast.success("Settings saved")
      qc.invalidateQueries({ queryKey: rebateKeys.settings })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  if (!draft) return null
  const field = (key: string, label: string, hint?: string) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{label}</Label>
      <Input size="small" value={String(draft[key] ?? "")} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
    </div>
  )
  const choice = (key: string, label: string, options: [string, string][]) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{label}</Label>
      <Select size="small" value={draft[key]} onValueChange={(v) => setDraft({ ...draft, [key]: v })}>
        <Select.Trigger>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map(([v, l]) => (
            <Select.Item key={v} value={v}>{l}</Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Dividend pool and tiered rebate</Heading>
      </div>
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {choice("pool_mode", "Pool", [["gmv_rate", "% of the month's paid GMV"], ["fixed", "Fixed amount"]])}
        {field("pool_rate", "Pool rate (0…1)", "e.g. 0.03 = 3 %")}
        {field("pool_amount", "Fixed pool amount")}
        {field("pool_threshold", "Threshold (more than … points)")}
        {choice("payout_destination", "Pay to", [["commission", "Commission (withdrawable)"], ["store_credit", "Store credit"]])}
        {choice("points_after_close", "Points after the close", [["keep", "Keep"], ["reset", "Reset to 0"]])}
        {field("close_day", "Close day", "the last day in shorter months")}
        {field("time_zone", "Time zone")}
        <div className="flex flex-col gap-y-1">
          <Label size="small">Tiered rebate</Label>
          <Switch checked={!!draft.tiered_enabled} onCheckedChange={(v) => setDraft({ ...draft, tiered_enabled: v })} />
        </div>
        <div className="col-span-3">{field("tiers", "Tiers (min spend:rate, …)", "e.g. 1000:0.02, 5000:0.05 — the reached rate applies to the whole month's spend")}</div>
      </div>
      <div className="flex justify-end px-6 py-4">
        <Button size="small" onClick={() => save.mutate(draft)}>Save settings</Button>
      </div>
    </Container>
  )
}

/** Month close: preview what it would pay, then execute (idempotent per month). */
const MonthCloseSection = () => {
  const qc = useQueryClient()
  const [month, setMonth] = useState(currentMonth())
  const { data, refetch, isFetching, error } = useQuery({
    queryKey: rebateKeys.preview(month),
    queryFn: () => sdk.client.fetch<{ preview: MonthClosePreview }>(`/admin/fission/rebates/month-close/preview?month=${month}`),
    enabled: /^\d{4}-\d{2}$/.test(month),
  })
  const execute = useMutation({
    mutationFn: () => sdk.client.fetch<{ run: PoolRun; replayed: boolean }>("/admin/fission/rebates/month-close", { method: "POST", body: { month } }),
    onSuccess: (r) => {
      toast.success(r.replayed ? `${month} was closed already: nothing paid again` : `${month} closed: ${r.run.paid_amount} paid to ${r.run.holders} holders`)
      qc.invalidateQueries({ queryKey: rebateKeys.runs })
      refetch()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const p = data?.preview
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Month close</Heading>
        <div className="flex items-center gap-x-2">
          <Input size="small" value={month} onChange={(e) => setMonth(e.target.value)} placeholder="YYYY-MM" />
          <Button size="small" variant="secondary" isLoading={isFetching} onClick={() => refetch()}>Preview</Button>
          <Button size="small" disabled={!p || p.run?.status === "completed"} isLoading={execute.isPending} onClick={() => execute.mutate()}>
            Execute
          </Button>
        </div>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {p && (
        <div className="grid grid-cols-4 gap-4 px-6 py-4">
          <div><Text size="small" className="text-ui-fg-subtle">Paid GMV</Text><Text weight="plus">{p.gmv.toLocaleString()} {p.currency_code.toUpperCase()}</Text></div>
          <div><Text size="small" className="text-ui-fg-subtle">Pool</Text><Text weight="plus">{p.pool_amount.toLocaleString()}</Text></div>
          <div><Text size="small" className="text-ui-fg-subtle">Holders above {p.threshold}</Text><Text weight="plus">{p.holders.toLocaleString()} ({Number(p.total_points).toLocaleString()} points)</Text></div>
          <div><Text size="small" className="text-ui-fg-subtle">Tiered rebates</Text><Text weight="plus">{p.tiered.payouts} · {p.tiered.amount.toLocaleString()}</Text></div>
          <div className="col-span-4">
            {p.run && <Badge color={p.run.status === "completed" ? "green" : "orange"}>run {p.run.status}</Badge>}
            <Text size="small" className="text-ui-fg-subtle">Largest shares (to {p.payout_destination}; points {p.points_after_close} after the close):</Text>
            {p.top_shares.slice(0, 10).map((s) => (
              <Text key={s.customer_id} size="small">{s.customer_id}: {s.points.toLocaleString()} points → {s.amount.toLocaleString()}</Text>
            ))}
          </div>
        </div>
      )}
    </Container>
  )
}

/** Pool history with a chart of pool size and payouts per month. */
const HistorySection = () => {
  const { data } = useQuery({ queryKey: rebateKeys.runs, queryFn: () => sdk.client.fetch<{ pool_runs: PoolRun[] }>("/admin/fission/rebates/pool-runs?limit=24") })
  const runs = data?.pool_runs ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Pool history</Heading>
      </div>
      {runs.length > 0 && (
        <div className="px-6 py-4">
          <Chart
            data={[...runs].reverse()}
            xKey="month"
            series={[
              { key: "pool_amount", label: "Pool", color: "#6366f1" },
              { key: "paid_amount", label: "Paid", color: "#10b981" },
              { key: "tiered_amount", label: "Tiered rebates", color: "#f59e0b" },
            ]}
          />
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Month</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>GMV</Table.HeaderCell>
            <Table.HeaderCell>Pool</Table.HeaderCell>
            <Table.HeaderCell>Paid</Table.HeaderCell>
            <Table.HeaderCell>Holders</Table.HeaderCell>
            <Table.HeaderCell>Run id (payout source)</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {runs.map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{r.month}</Table.Cell>
              <Table.Cell>{r.status}{r.error ? ` — ${r.error}` : ""}</Table.Cell>
              <Table.Cell>{r.gmv.toLocaleString()}</Table.Cell>
              <Table.Cell>{r.pool_amount.toLocaleString()}</Table.Cell>
              <Table.Cell>{r.paid_amount.toLocaleString()}</Table.Cell>
              <Table.Cell>{r.holders.toLocaleString()}</Table.Cell>
              <Table.Cell>{r.id}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Container>
  )
}

const RebatesPage = () => (
  <div className="flex flex-col gap-y-3">
    <MonthCloseSection />
    <HistorySection />
    <LevelsSection />
    <SettingsSection />
  </div>
)

export const config = defineRouteConfig({ label: "nav.rebates", translationNs: "fission-rebates", icon: ChartBar })

export default RebatesPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trophy } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useEffect, useState } from "react"
import { errorMessage, MemberLevel, membershipKeys, MembershipSettings, MembershipStats } from "../../lib/membership"
import { Chart, sdk } from "@fission/core/admin-kit"

type Draft = Record<string, string>

/** Numbers typed as numbers; anything else is sent as typed so the server's 400 names the field. */
const asValue = (text: string) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text)

const LEVEL_FIELDS: { key: string; label: string }[] = [
  { key: "name", label: "Name" },
  { key: "growth_threshold", label: "Growth threshold" },
  { key: "points_multiplier", label: "Points ×" },
  { key: "customer_group_id", label: "Customer group id" },
  { key: "free_shipping_threshold", label: "Free shipping from" },
  { key: "birthday_points", label: "Birthday points" },
  { key: "exclusive_product_ids", label: "Exclusive product ids" },
]

const levelToDraft = (l?: MemberLevel): Draft => ({
  name: l?.name ?? "",
  growth_threshold: String(l?.growth_threshold ?? 0),
  points_multiplier: String(l?.points_multiplier ?? 1),
  customer_group_id: l?.customer_group_id ?? "",
  free_shipping_threshold: l?.free_shipping_threshold === null || l?.free_shipping_threshold === undefined ? "" : String(l.free_shipping_threshold),
  birthday_points: String(l?.birthday_points ?? 0),
  exclusive_product_ids: (l?.exclusive_product_ids ?? []).join(", "),
})

/** Blank optional fields mean "none"; product ids are comma-separated. */
const draftToLevel = (d: Draft) => ({
  name: d.name,
  growth_threshold: asValue(d.growth_threshold),
  points_multiplier: d.points_multiplier,
  customer_group_id: d.customer_group_id.trim() || null,
  free_shipping_threshold: d.free_shipping_threshold.trim() === "" ? null : d.free_shipping_threshold.trim(),
  birthday_points: asValue(d.birthday_points),
  exclusive_product_ids: d.exclusive_product_ids
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean),
})

const LevelInput = ({ draft, setDraft, field, id }: { draft: Draft; setDraft: (d: Draft) => void; field: string; id: string }) => (
  <Input id={id} size="small" value={draft[field]} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} />
)

const LevelsSection = () => {
  const queryClient = useQueryClient()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: membershipKeys.levels,
    queryFn: () => sdk.client.fetch<{ levels: MemberLevel[]; count: number }>("/admin/fission/membership/levels?limit=100"),
  })
  const [draft, setDraft] = useState<Draft>(levelToDraft())
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: membershipKeys.levels })
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/membership/levels", { method: "POST", body }),
    onSuccess: () => {
      toast.success("Level created")
      setDraft(levelToDraft())
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      sdk.client.fetch(`/admin/fission/membership/levels/${id}`, { method: "POST", body }),
    onSuccess: () => {
      toast.success("Level saved")
      setEditing(null)
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/fission/membership/levels/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(draftToLevel(draft))
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Member levels</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A member holds the highest level whose growth threshold they reached. Members of a level are kept in its customer
          group, so Medusa price lists and promotions for that group give the member discount. Free shipping (goods total at or
          above the amount) is an automatic Medusa promotion for that group. Exclusive products can be bought only by members at
          or above the level.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {data && (
        <Table>
          <Table.Header>
            <Table.Row>
              {LEVEL_FIELDS.map((f) => (
                <Table.HeaderCell key={f.key}>{f.label}</Table.HeaderCell>
              ))}
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.levels.map((l) =>
              editing?.id === l.id ? (
                <Table.Row key={l.id}>
                  {LEVEL_FIELDS.map((f) => (
                    <Table.Cell key={f.key}>
                      <LevelInput
                        id={`fission-level-${l.id}-${f.key}`}
                        draft={editing.draft}
                        setDraft={(d) => setEditing({ id: l.id, draft: d })}
                        field={f.key}
                      />
                    </Table.Cell>
                  ))}
                  <Table.Cell>
                    <div className="flex gap-x-1">
                      <Button size="small" isLoading={update.isPending} onClick={() => update.mutate({ id: l.id, body: draftToLevel(editing.draft) })}>
                        Save
                      </Button>
                      <Button variant="transparent" size="small" onClick={() => setEditing(null)}>
                        Cancel
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              ) : (
                <Table.Row key={l.id}>
                  <Table.Cell>{l.name}</Table.Cell>
                  <Table.Cell>{l.growth_threshold}</Table.Cell>
                  <Table.Cell>{l.points_multiplier}</Table.Cell>
                  <Table.Cell>{l.customer_group_id ?? "–"}</Table.Cell>
                  <Table.Cell>{l.free_shipping_threshold ?? "–"}</Table.Cell>
                  <Table.Cell>{l.birthday_points}</Table.Cell>
                  <Table.Cell>{l.exclusive_product_ids?.length ? l.exclusive_product_ids.join(", ") : "–"}</Table.Cell>
                  <Table.Cell>
                    <div className="flex gap-x-1">
                      <Button variant="secondary" size="small" onClick={() => setEditing({ id: l.id, draft: levelToDraft(l) })}>
                        Edit
                      </Button>
                      <Button variant="transparent" size="small" onClick={() => remove.mutate(l.id)}>
                        Delete
                      </Button>
                    </div>
                  </Table.Cell>
                </Table.Row>
              )
            )}
          </Table.Body>
        </Table>
      )}
      <form onSubmit={submit} className="grid grid-cols-4 items-end gap-2 px-6 py-4">
        {LEVEL_FIELDS.map((f) => (
          <div key={f.key} className="flex flex-col gap-y-1">
            <Label htmlFor={`fission-level-new-${f.key}`} size="small">
              {f.label}
            </Label>
            <LevelInput id={`fission-level-new-${f.key}`} draft={draft} setDraft={setDraft} field={f.key} />
          </div>
        ))}
        <Button type="submit" size="small" isLoading={create.isPending}>
          Add level
        </Button>
      </form>
    </Container>
  )
}

const monthsAgo = (n: number) => {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - n)
  return d.toISOString().slice(0, 7)
}

const StatsSection = () => {
  const [range, setRange] = useState({ from: monthsAgo(11), to: monthsAgo(0) })
  const [draft, setDraft] = useState(range)
  const { data, isError, error } = useQuery({
    queryKey: membershipKeys.stats(range.from, range.to),
    queryFn: () =>
      sdk.client.fetch<{ stats: MembershipStats }>(`/admin/fission/membership/stats?from=${range.from}&to=${range.to}`),
  })
  const stats = data?.stats
  const sum = (key: "issued" | "spent" | "expired") => (stats?.months ?? []).reduce((s, m) => s + m[key], 0)
  return (
    <Container className="divide-y p-0">
      <div className="flex items-end justify-between px-6 py-4">
        <div>
          <Heading level="h2">Statistics</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Points per month in the store time zone{stats ? ` (${stats.time_zone})` : ""}, from the reward ledger.
          </Text>
        </div>
        <form
          className="flex items-end gap-x-2"
          onSubmit={(e) => {
            e.preventDefault()
            setRange(draft)
          }}
        >
          <Input size="small" aria-label="From month" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <Input size="small" aria-label="To month" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <Button size="small" variant="secondary" type="submit">
            Show
          </Button>
        </form>
      </div>
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {stats && (
        <>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <Text weight="plus">
              Points issued {sum("issued").toLocaleString()} · spent {sum("spent").toLocaleString()} · expired{" "}
              {sum("expired").toLocaleString()}
            </Text>
            <Chart
              data={stats.months}
              xKey="month"
              series={[
                { key: "issued", label: "Issued" },
                { key: "spent", label: "Spent", color: "#f59e0b" },
                { key: "expired", label: "Expired", color: "#9ca3af" },
              ]}
            />
          </div>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <Text weight="plus">Members per level</Text>
            <Chart
              horizontal
              height={Math.max(120, stats.members_per_level.length * 32)}
              data={stats.members_per_level}
              xKey="name"
              series={[{ key: "members", label: "Members" }]}
            />
          </div>
        </>
      )}
    </Container>
  )
}

const NUMBER_FIELDS: { key: keyof MembershipSettings; label: string; hint: string }[] = [
  { key: "points_per_currency_unit", label: "Points per currency unit", hint: "Before the level multiplier; paid product value, without shipping." },
  { key: "points_pending_days", label: "Points pending days", hint: "0 = order points are available at once." },
  { key: "points_expiry_months", label: "Points expiry (months)", hint: "For rolling expiry." },
  { key: "checkin_base_points", label: "Check-in points", hint: "Per daily check-in." },
  { key: "makeup_checkin_cost", label: "Make-up check-in cost", hint: "Points a make-up check-in of a missed day costs; blank = make-up off, 0 = free." },
  { key: "makeup_checkin_window_days", label: "Make-up window (days)", hint: "How far back a missed day can be made up; blank = only days of the current month." },
  { key: "downgrade_max_levels", label: "Yearly downgrade: max levels", hint: "With yearly re-evaluation, a member drops at most this many levels a year." },
  { key: "shopping_fund_daily_release_rate", label: "Shopping fund daily release", hint: "Share of the posted fund moved to store credit each day (0.01 = 1 %)." },
  { key: "shopping_fund_participation_bonus_rate", label: "Shopping fund bonus: joining a campaign", hint: "Extra share released when the holder joins a group draw." },
  { key: "shopping_fund_invite_bonus_rate", label: "Shopping fund bonus: invited friend joins", hint: "Extra share released to the referrer of a buyer who joins a group draw." },
]

const NULLABLE = new Set<string>(["makeup_checkin_cost", "makeup_checkin_window_days"])

const SettingsSection = () => {
  const queryClient = useQueryClient()
  const { data } = useQuery({
    queryKey: membershipKeys.settings,
    queryFn: () => sdk.client.fetch<{ settings: MembershipSettings }>("/admin/fission/membership/settings"),
  })
  const [draft, setDraft] = useState<Draft | null>(null)
  const toDraft = (s: MembershipSettings): Draft => ({
    ...Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, s[key] === null || s[key] === undefined ? "" : String(s[key])])),
    points_expiry_mode: s.points_expiry_mode,
    downgrade_policy: s.downgrade_policy,
    time_zone: s.time_zone,
    checkin_streak_bonuses: JSON.stringify(s.checkin_streak_bonuses ?? { "7": 50 }),
  })
  useEffect(() => {
    if (data) setDraft(toDraft(data.settings))
  }, [data])
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<{ settings: MembershipSettings }>("/admin/fission/membership/settings", { method: "POST", body }),
    onSuccess: (result) => {
      queryClient.setQueryData(membershipKeys.settings, result)
      toast.success("Membership settings saved")
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    let bonuses: unknown
    try {
      bonuses = JSON.parse(draft.checkin_streak_bonuses)
    } catch {
      toast.error("checkin_streak_bonuses must be JSON, e.g. {\"7\": 50}")
      return
    }
    save.mutate({
      ...Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, NULLABLE.has(key) && draft[key].trim() === "" ? null : asValue(draft[key])])),
      points_expiry_mode: draft.points_expiry_mode,
      downgrade_policy: draft.downgrade_policy,
      time_zone: draft.time_zone,
      checkin_streak_bonuses: bonuses,
    })
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Points and check-in settings</Heading>
      </div>
      {draft && (
        <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4">
          {NUMBER_FIELDS.map(({ key, label, hint }) => (
            <div key={key} className="grid grid-cols-2 items-start gap-x-4">
              <div>
                <Label htmlFor={`fission-membership-${key}`} weight="plus">
                  {label}
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  {hint}
                </Text>
              </div>
              <Input id={`fission-membership-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
            </div>
          ))}
          <div className="grid grid-cols-2 items-start gap-x-4">
            <Label weight="plus">Points expiry</Label>
            <Select value={draft.points_expiry_mode} onValueChange={(v) => setDraft({ ...draft, points_expiry_mode: v })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="rolling_months">Rolling months</Select.Item>
                <Select.Item value="end_of_year">End of year</Select.Item>
                <Select.Item value="never">Never</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="grid grid-cols-2 items-start gap-x-4">
            <Label weight="plus">Level downgrade</Label>
            <Select value={draft.downgrade_policy} onValueChange={(v) => setDraft({ ...draft, downgrade_policy: v })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="never">Never</Select.Item>
                <Select.Item value="yearly">Yearly re-evaluation (last 12 months)</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <div className="grid grid-cols-2 items-start gap-x-4">
            <Label htmlFor="fission-membership-time_zone" weight="plus">
              Store time zone
            </Label>
            <Input id="fission-membership-time_zone" value={draft.time_zone} onChange={(e) => setDraft({ ...draft, time_zone: e.target.value })} />
          </div>
          <div className="grid grid-cols-2 items-start gap-x-4">
            <div>
              <Label htmlFor="fission-membership-bonuses" weight="plus">
                Streak bonuses
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {"JSON: streak day → bonus points, e.g. {\"7\": 50}"}
              </Text>
            </div>
            <Input
              id="fission-membership-bonuses"
              value={draft.checkin_streak_bonuses}
              onChange={(e) => setDraft({ ...draft, checkin_streak_bonuses: e.target.value })}
            />
          </div>
          <div className="flex justify-end">
            <Button type="submit" size="small" isLoading={save.isPending}>
              Save
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}

const MembershipPage = () => (
  <div className="flex flex-col gap-y-3">
    <StatsSection />
    <LevelsSection />
    <SettingsSection />
  </div>
)

export const config = defineRouteConfig({ label: "nav.membership", translationNs: "fission-membership", icon: Trophy })

export default MembershipPage

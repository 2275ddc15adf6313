import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trophy } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import { MemberLevel, membershipKeys, MembershipSettings, MembershipStats } from "../../lib/membership"
import {
  Card,
  Chart,
  errorMessage,
  fieldErrors,
  FieldErrorsProvider,
  fieldId,
  SaveRow,
  sdk,
  SettingRow,
  Stack,
  useAllPages,
  useSettingsForm,
  useStoreFormat,
} from "@fission/core/admin-kit"

const NS = "fission-membership"

type Draft = Record<string, string>

/** Numbers typed as numbers; anything else is sent as typed so the server's 400 names the field. */
const asValue = (text: string) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text)

// Labels: `levels.fields.<key>` in the admin translations.
const LEVEL_FIELDS = [
  "name",
  "growth_threshold",
  "points_multiplier",
  "customer_group_id",
  "free_shipping_threshold",
  "birthday_points",
  "exclusive_product_ids",
] as const

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
  const { t } = useTranslation(NS)
  const queryClient = useQueryClient()
  const { data: levels, isLoading, isError, error } = useAllPages<MemberLevel>(membershipKeys.levels, "/admin/fission/membership/levels", "levels")
  // the form whose save failed ("new" or a level id) and the field its 400 names
  const [formError, setFormError] = useState<{ id: string; errors: Record<string, string> } | null>(null)
  const fail = (id: string) => (e: unknown) => {
    setFormError({ id, errors: fieldErrors(e, LEVEL_FIELDS) })
    toast.error(errorMessage(e))
  }
  const errorOf = (id: string, key: string) =>
    formError?.id === id && formError.errors[key] ? (
      <Text size="xsmall" className="text-ui-fg-error">
        {formError.errors[key]}
      </Text>
    ) : null
  const [draft, setDraft] = useState<Draft>(levelToDraft())
  const [editing, setEditing] = useState<{ id: string; draft: Draft } | null>(null)
  const refresh = () => queryClient.invalidateQueries({ queryKey: membershipKeys.levels })
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/membership/levels", { method: "POST", body }),
    onSuccess: () => {
      toast.success(t("levels.created"))
      setDraft(levelToDraft())
      setFormError(null)
      refresh()
    },
    onError: fail("new"),
  })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      sdk.client.fetch(`/admin/fission/membership/levels/${id}`, { method: "POST", body }),
    onSuccess: () => {
      toast.success(t("levels.saved"))
      setEditing(null)
      setFormError(null)
      refresh()
    },
    onError: (e, v) => fail(v.id)(e),
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
    <Card title={t("levels.title")} subtitle={t("levels.subtitle")}>
      {isLoading && <Text className="px-6 py-4">{t("common.loading")}</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {levels && (
        <Table>
          <Table.Header>
            <Table.Row>
              {LEVEL_FIELDS.map((f) => (
                <Table.HeaderCell key={f}>{t(`levels.fields.${f}`)}</Table.HeaderCell>
              ))}
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {levels.map((l) =>
              editing?.id === l.id ? (
                <Table.Row key={l.id}>
                  {LEVEL_FIELDS.map((f) => (
                    <Table.Cell key={f}>
                      <LevelInput
                        id={`fission-level-${l.id}-${f}`}
                        draft={editing.draft}
                        setDraft={(d) => setEditing({ id: l.id, draft: d })}
                        field={f}
                      />
                      {errorOf(l.id, f)}
                    </Table.Cell>
                  ))}
                  <Table.Cell>
                    <div className="flex gap-x-1">
                      <Button size="small" isLoading={update.isPending} onClick={() => update.mutate({ id: l.id, body: draftToLevel(editing.draft) })}>
                        {t("common.save")}
                      </Button>
                      <Button variant="transparent" size="small" onClick={() => setEditing(null)}>
                        {t("common.cancel")}
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
                        {t("common.edit")}
                      </Button>
                      <Button variant="transparent" size="small" onClick={() => remove.mutate(l.id)}>
                        {t("common.delete")}
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
          <div key={f} className="flex flex-col gap-y-1">
            <Label htmlFor={`fission-level-new-${f}`} size="small">
              {t(`levels.fields.${f}`)}
            </Label>
            <LevelInput id={`fission-level-new-${f}`} draft={draft} setDraft={setDraft} field={f} />
            {errorOf("new", f)}
          </div>
        ))}
        <Button type="submit" size="small" isLoading={create.isPending}>
          {t("levels.add")}
        </Button>
      </form>
    </Card>
  )
}

const monthsAgo = (n: number) => {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() - n)
  return d.toISOString().slice(0, 7)
}

const StatsSection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  const [range, setRange] = useState({ from: monthsAgo(11), to: monthsAgo(0) })
  const [draft, setDraft] = useState(range)
  const { data, isError, error } = useQuery({
    queryKey: membershipKeys.stats(range.from, range.to),
    queryFn: () =>
      sdk.client.fetch<{ stats: MembershipStats }>("/admin/fission/membership/stats", { query: { from: range.from, to: range.to } }),
  })
  const stats = data?.stats
  const sum = (key: "issued" | "spent" | "expired") => (stats?.months ?? []).reduce((s, m) => s + m[key], 0)
  return (
    <Container className="divide-y p-0">
      <div className="flex items-end justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("stats.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("stats.subtitle", { timeZone: stats?.time_zone ?? "…" })}
          </Text>
        </div>
        <form
          className="flex items-end gap-x-2"
          onSubmit={(e) => {
            e.preventDefault()
            setRange(draft)
          }}
        >
          <Input size="small" aria-label={t("stats.from")} value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
          <Input size="small" aria-label={t("stats.to")} value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
          <Button size="small" variant="secondary" type="submit">
            {t("stats.show")}
          </Button>
        </form>
      </div>
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {stats && (
        <>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <Text weight="plus">
              {t("stats.totals", { issued: f.number(sum("issued")), spent: f.number(sum("spent")), expired: f.number(sum("expired")) })}
            </Text>
            <Chart
              data={stats.months}
              xKey="month"
              series={[
                { key: "issued", label: t("stats.issued") },
                { key: "spent", label: t("stats.spent"), color: "#f59e0b" },
                { key: "expired", label: t("stats.expired"), color: "#9ca3af" },
              ]}
            />
          </div>
          <div className="flex flex-col gap-y-3 px-6 py-4">
            <Text weight="plus">{t("stats.membersPerLevel")}</Text>
            <Chart
              horizontal
              height={Math.max(120, stats.members_per_level.length * 32)}
              data={stats.members_per_level}
              xKey="name"
              series={[{ key: "members", label: t("stats.members") }]}
            />
          </div>
        </>
      )}
    </Container>
  )
}

// Labels and hints: `settings.fields.<key>` in the admin translations.
const NUMBER_FIELDS: (keyof MembershipSettings)[] = [
  "points_per_currency_unit",
  "points_pending_days",
  "points_expiry_months",
  "checkin_base_points",
  "makeup_checkin_cost",
  "makeup_checkin_window_days",
  "downgrade_max_levels",
  "shopping_fund_daily_release_rate",
  "shopping_fund_participation_bonus_rate",
  "shopping_fund_invite_bonus_rate",
]
const SETTINGS_FIELDS = [...NUMBER_FIELDS, "points_expiry_mode", "downgrade_policy", "time_zone", "checkin_streak_bonuses"]

const NULLABLE = new Set<string>(["makeup_checkin_cost", "makeup_checkin_window_days"])

const SettingsSection = () => {
  const { t } = useTranslation(NS)
  const toDraft = (s: MembershipSettings): Draft => ({
    ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, s[key] === null || s[key] === undefined ? "" : String(s[key])])),
    points_expiry_mode: s.points_expiry_mode,
    downgrade_policy: s.downgrade_policy,
    time_zone: s.time_zone,
    checkin_streak_bonuses: JSON.stringify(s.checkin_streak_bonuses ?? { "7": 50 }),
  })
  const { draft, setDraft, errors, setErrors, save, saving } = useSettingsForm<MembershipSettings, Draft>({
    path: "/admin/fission/membership/settings",
    key: "settings",
    queryKey: membershipKeys.settings,
    toDraft,
    fields: SETTINGS_FIELDS,
    saved: t("settings.saved"),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    let bonuses: unknown
    try {
      bonuses = JSON.parse(draft.checkin_streak_bonuses)
    } catch {
      setErrors({ checkin_streak_bonuses: t("settings.bonusesJson") })
      toast.error(t("settings.bonusesJson"))
      return
    }
    save({
      ...Object.fromEntries(NUMBER_FIELDS.map((key) => [key, NULLABLE.has(key) && draft[key].trim() === "" ? null : asValue(draft[key])])),
      points_expiry_mode: draft.points_expiry_mode,
      downgrade_policy: draft.downgrade_policy,
      time_zone: draft.time_zone,
      checkin_streak_bonuses: bonuses,
    })
  }
  return (
    <Card title={t("settings.title")}>
      {draft && (
        <FieldErrorsProvider errors={errors}>
          <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4">
            {NUMBER_FIELDS.map((key) => (
              <SettingRow key={key} name={key} label={t(`settings.fields.${key}.label`)} hint={t(`settings.fields.${key}.hint`)}>
                <Input id={fieldId(key)} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
              </SettingRow>
            ))}
            <SettingRow name="points_expiry_mode" label={t("settings.pointsExpiry")}>
              <Select value={draft.points_expiry_mode} onValueChange={(v) => setDraft({ ...draft, points_expiry_mode: v })}>
                <Select.Trigger id={fieldId("points_expiry_mode")}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {["rolling_months", "end_of_year", "never"].map((v) => (
                    <Select.Item key={v} value={v}>
                      {t(`settings.expiry.${v}`)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </SettingRow>
            <SettingRow name="downgrade_policy" label={t("settings.downgrade")}>
              <Select value={draft.downgrade_policy} onValueChange={(v) => setDraft({ ...draft, downgrade_policy: v })}>
                <Select.Trigger id={fieldId("downgrade_policy")}>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {["never", "yearly"].map((v) => (
                    <Select.Item key={v} value={v}>
                      {t(`settings.downgradePolicy.${v}`)}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </SettingRow>
            <SettingRow name="time_zone" label={t("settings.timeZone")}>
              <Input id={fieldId("time_zone")} value={draft.time_zone} onChange={(e) => setDraft({ ...draft, time_zone: e.target.value })} />
            </SettingRow>
            <SettingRow name="checkin_streak_bonuses" label={t("settings.streakBonuses")} hint={t("settings.streakBonusesHint")}>
              <Input
                id={fieldId("checkin_streak_bonuses")}
                value={draft.checkin_streak_bonuses}
                onChange={(e) => setDraft({ ...draft, checkin_streak_bonuses: e.target.value })}
              />
            </SettingRow>
            <SaveRow saving={saving} />
          </form>
        </FieldErrorsProvider>
      )}
    </Card>
  )
}

const MembershipPage = () => (
  <Stack>
    <StatsSection />
    <LevelsSection />
    <SettingsSection />
  </Stack>
)

export const config = defineRouteConfig({ label: "nav.membership", translationNs: "fission-membership", icon: Trophy })

export default MembershipPage

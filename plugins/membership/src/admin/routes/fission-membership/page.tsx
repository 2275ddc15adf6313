import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Trophy } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useEffect, useState } from "react"
import { errorMessage, MemberLevel, membershipKeys, MembershipSettings } from "../../lib/membership"
import { sdk } from "../../lib/sdk"

type Draft = Record<string, string>

/** Numbers typed as numbers; anything else is sent as typed so the server's 400 names the field. */
const asValue = (text: string) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text)

const LevelsSection = () => {
  const queryClient = useQueryClient()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: membershipKeys.levels,
    queryFn: () => sdk.client.fetch<{ levels: MemberLevel[]; count: number }>("/admin/fission/membership/levels?limit=100"),
  })
  const empty: Draft = { name: "", growth_threshold: "0", points_multiplier: "1", customer_group_id: "", birthday_points: "0" }
  const [draft, setDraft] = useState<Draft>(empty)
  const refresh = () => queryClient.invalidateQueries({ queryKey: membershipKeys.levels })
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/membership/levels", { method: "POST", body }),
    onSuccess: () => {
      toast.success("Level created")
      setDraft(empty)
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
    create.mutate({
      name: draft.name,
      growth_threshold: asValue(draft.growth_threshold),
      points_multiplier: draft.points_multiplier,
      customer_group_id: draft.customer_group_id.trim() || null,
      birthday_points: asValue(draft.birthday_points),
    })
  }
  const field = (key: string, label: string) => (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={`fission-level-${key}`} size="small">
        {label}
      </Label>
      <Input id={`fission-level-${key}`} size="small" value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </div>
  )
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Member levels</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          A member holds the highest level whose growth threshold they reached. Members of a level are kept in its customer
          group, so Medusa price lists and promotions for that group give the member discount.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {data && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Level</Table.HeaderCell>
              <Table.HeaderCell>Growth threshold</Table.HeaderCell>
              <Table.HeaderCell>Points ×</Table.HeaderCell>
              <Table.HeaderCell>Customer group</Table.HeaderCell>
              <Table.HeaderCell>Birthday points</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.levels.map((l) => (
              <Table.Row key={l.id}>
                <Table.Cell>{l.name}</Table.Cell>
                <Table.Cell>{l.growth_threshold}</Table.Cell>
                <Table.Cell>{l.points_multiplier}</Table.Cell>
                <Table.Cell>{l.customer_group_id ?? "–"}</Table.Cell>
                <Table.Cell>{l.birthday_points}</Table.Cell>
                <Table.Cell>
                  <Button variant="transparent" size="small" onClick={() => remove.mutate(l.id)}>
                    Delete
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <form onSubmit={submit} className="grid grid-cols-6 items-end gap-x-2 px-6 py-4">
        {field("name", "Name")}
        {field("growth_threshold", "Growth threshold")}
        {field("points_multiplier", "Points multiplier")}
        {field("customer_group_id", "Customer group id")}
        {field("birthday_points", "Birthday points")}
        <Button type="submit" size="small" isLoading={create.isPending}>
          Add level
        </Button>
      </form>
    </Container>
  )
}

const NUMBER_FIELDS: { key: keyof MembershipSettings; label: string; hint: string }[] = [
  { key: "points_per_currency_unit", label: "Points per currency unit", hint: "Before the level multiplier; paid product value, without shipping." },
  { key: "points_pending_days", label: "Points pending days", hint: "0 = order points are available at once." },
  { key: "points_expiry_months", label: "Points expiry (months)", hint: "For rolling expiry." },
  { key: "checkin_base_points", label: "Check-in points", hint: "Per daily check-in." },
  { key: "shopping_fund_daily_release_rate", label: "Shopping fund daily release", hint: "Share of the posted fund moved to store credit each day (0.01 = 1 %)." },
  { key: "shopping_fund_participation_bonus_rate", label: "Shopping fund bonus: joining a campaign", hint: "Extra share released when the holder joins a group draw." },
  { key: "shopping_fund_invite_bonus_rate", label: "Shopping fund bonus: invited friend joins", hint: "Extra share released to the referrer of a buyer who joins a group draw." },
]

const SettingsSection = () => {
  const queryClient = useQueryClient()
  const { data } = useQuery({
    queryKey: membershipKeys.settings,
    queryFn: () => sdk.client.fetch<{ settings: MembershipSettings }>("/admin/fission/membership/settings"),
  })
  const [draft, setDraft] = useState<Draft | null>(null)
  const toDraft = (s: MembershipSettings): Draft => ({
    ...Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, String(s[key])])),
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
      ...Object.fromEntries(NUMBER_FIELDS.map(({ key }) => [key, asValue(draft[key])])),
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
                <Select.Item value="yearly">Follow growth</Select.Item>
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
    <LevelsSection />
    <SettingsSection />
  </div>
)

export const config = defineRouteConfig({ label: "Membership", icon: Trophy })

export default MembershipPage

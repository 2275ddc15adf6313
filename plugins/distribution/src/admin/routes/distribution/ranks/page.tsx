import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Input, Select, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { SectionHeader, TableNote } from "../../../components/section"
import { distKeys, fractionToPercent, percentLabel, percentToFraction, Rank } from "../../../lib/distribution"
import { useRanks } from "../../../lib/queries"
import { errorMessage, Field, fieldId, FormDrawer, sdk, Stack, useStoreFormat } from "@fission/core/admin-kit"

const ANY = "any"

type T = (key: string, opts?: Record<string, unknown>) => string

function conditionsText(rank: Rank, ranks: Rank[], t: T, money: (v: number) => string) {
  const c = rank.conditions
  if (!c) return null
  const parts: string[] = []
  if (c.personal_spend !== undefined) parts.push(t("ranks.cond.spent", { amount: money(c.personal_spend) }))
  if (c.direct_referrals) {
    const of = c.direct_referrals.rank_id ? ranks.find((r) => r.id === c.direct_referrals!.rank_id)?.name ?? t("ranks.rank") : ""
    const bought = c.direct_referrals.purchased_product_id ? t("ranks.cond.bought", { product: c.direct_referrals.purchased_product_id }) : ""
    parts.push(t("ranks.cond.direct", { count: c.direct_referrals.count, of }) + bought)
  }
  if (c.team_counts?.length) parts.push(t("ranks.cond.team", { counts: c.team_counts.join(" × ") }))
  return parts.join(" · ")
}

type FormState = {
  name: string
  position: string
  is_default: boolean
  is_leader: boolean
  level1: string
  level2: string
  team_reward_amount: string
  leader_share: string
  personal_spend: string
  direct_count: string
  direct_rank_id: string
  direct_product_id: string
  team_counts: string
}

const toForm = (r: Rank | null, nextPosition: number): FormState => ({
  name: r?.name ?? "",
  position: String(r?.position ?? nextPosition),
  is_default: r?.is_default ?? false,
  is_leader: r?.is_leader ?? false,
  level1: fractionToPercent(r?.level1_rate),
  level2: fractionToPercent(r?.level2_rate),
  team_reward_amount: r?.team_reward_amount === null || r?.team_reward_amount === undefined ? "" : String(r.team_reward_amount),
  leader_share: fractionToPercent(r?.leader_share_rate),
  personal_spend: r?.conditions?.personal_spend === undefined ? "" : String(r.conditions.personal_spend),
  direct_count: r?.conditions?.direct_referrals ? String(r.conditions.direct_referrals.count) : "",
  direct_rank_id: r?.conditions?.direct_referrals?.rank_id ?? ANY,
  direct_product_id: r?.conditions?.direct_referrals?.purchased_product_id ?? "",
  team_counts: r?.conditions?.team_counts?.join(", ") ?? "",
})

/** Empty → null; numbers stay as typed text so the server validates (and names) them. */
const opt = (v: string) => (v.trim() === "" ? null : v.trim())
const asNumber = (v: string) => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v.trim())

function toBody(f: FormState) {
  const conditions: Record<string, unknown> = {}
  if (opt(f.personal_spend) !== null) conditions.personal_spend = asNumber(f.personal_spend)
  if (opt(f.direct_count) !== null) {
    conditions.direct_referrals = {
      count: asNumber(f.direct_count),
      rank_id: f.direct_rank_id === ANY ? null : f.direct_rank_id,
      purchased_product_id: opt(f.direct_product_id),
    }
  }
  if (opt(f.team_counts) !== null) conditions.team_counts = f.team_counts.split(/[,×x\s]+/).filter(Boolean).map(asNumber)
  const rate = (v: string) => (opt(v) === null ? null : percentToFraction(v))
  return {
    name: f.name.trim(),
    position: asNumber(f.position),
    is_default: f.is_default,
    is_leader: f.is_leader,
    level1_rate: rate(f.level1),
    level2_rate: rate(f.level2),
    team_reward_amount: opt(f.team_reward_amount) === null ? null : asNumber(f.team_reward_amount),
    leader_share_rate: rate(f.leader_share),
    conditions: Object.keys(conditions).length ? conditions : null,
  }
}

const FIELDS = [
  "name",
  "position",
  "is_default",
  "is_leader",
  "level1_rate",
  "level2_rate",
  "team_reward_amount",
  "leader_share_rate",
  "personal_spend",
  "direct_referrals",
  "rank_id",
  "purchased_product_id",
  "team_counts",
  "conditions",
]

/** Create or edit a rank; the 400 names the field and is shown under it. */
function RankDrawer({ rank, ranks, onClose }: { rank: Rank | null; ranks: Rank[]; onClose: () => void }) {
  const { t } = useTranslation("fission-distribution")
  const queryClient = useQueryClient()
  const [form, setForm] = useState<FormState>(() => toForm(rank, ranks.length ? Math.max(...ranks.map((r) => r.position)) + 1 : 0))
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const text = (key: keyof FormState, name: string) => ({
    id: fieldId(name),
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never),
  })
  const submit = async () => {
    await sdk.client.fetch(rank ? `/admin/fission/ranks/${rank.id}` : "/admin/fission/ranks", { method: "POST", body: toBody(form) })
    toast.success(rank ? t("ranks.saved") : t("ranks.created"))
    queryClient.invalidateQueries({ queryKey: distKeys.all })
  }
  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={rank ? t("ranks.editTitle", { name: rank.name }) : t("ranks.newTitle")}
      description={t("ranks.formDescription")}
      submitLabel={rank ? t("common.save") : t("common.create")}
      disabled={!form.name.trim()}
      fields={FIELDS}
      onSubmit={submit}
    >
      <div className="grid grid-cols-2 gap-4">
        <Field name="name" label={t("ranks.name")}>
          <Input {...text("name", "name")} placeholder={t("ranks.namePlaceholder")} />
        </Field>
        <Field name="position" label={t("ranks.position")} hint={t("ranks.positionHint")}>
          <Input inputMode="numeric" {...text("position", "position")} />
        </Field>
      </div>
      <Stack>
        <label className="flex items-center gap-x-2 txt-compact-small">
          <Switch checked={form.is_default} onCheckedChange={set("is_default")} /> {t("ranks.isDefault")}
        </label>
        <label className="flex items-center gap-x-2 txt-compact-small">
          <Switch checked={form.is_leader} onCheckedChange={set("is_leader")} /> {t("ranks.isLeader")}
        </label>
      </Stack>
      <Text size="small" weight="plus">
        {t("ranks.effects")}
      </Text>
      <div className="grid grid-cols-2 gap-4">
        <Field name="level1_rate" label={t("ranks.level1")} hint={t("ranks.level1Hint")}>
          <Input inputMode="decimal" {...text("level1", "level1_rate")} placeholder="12" />
        </Field>
        <Field name="level2_rate" label={t("ranks.level2")}>
          <Input inputMode="decimal" {...text("level2", "level2_rate")} placeholder="6" />
        </Field>
        <Field name="team_reward_amount" label={t("ranks.teamReward")} hint={t("ranks.teamRewardHint")}>
          <Input inputMode="decimal" {...text("team_reward_amount", "team_reward_amount")} placeholder="350" />
        </Field>
        <Field name="leader_share_rate" label={t("ranks.leaderShare")} hint={t("ranks.leaderShareHint")}>
          <Input inputMode="decimal" {...text("leader_share", "leader_share_rate")} placeholder="2" />
        </Field>
      </div>
      <Text size="small" weight="plus">
        {t("ranks.conditions")}
      </Text>
      <Field name="personal_spend" label={t("ranks.personalSpend")}>
        <Input inputMode="decimal" {...text("personal_spend", "personal_spend")} placeholder="899" />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field name="direct_referrals" label={t("ranks.directCount")}>
          <Input inputMode="numeric" {...text("direct_count", "direct_referrals")} placeholder="2" />
        </Field>
        <Field name="rank_id" label={t("ranks.ofRank")}>
          <Select value={form.direct_rank_id} onValueChange={set("direct_rank_id")}>
            <Select.Trigger id={fieldId("rank_id")}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY}>{t("ranks.anyRank")}</Select.Item>
              {ranks
                .filter((r) => r.id !== rank?.id)
                .map((r) => (
                  <Select.Item key={r.id} value={r.id}>
                    {r.name}
                  </Select.Item>
                ))}
            </Select.Content>
          </Select>
        </Field>
      </div>
      <Field name="purchased_product_id" label={t("ranks.boughtProduct")} hint={t("ranks.boughtProductHint")}>
        <Input {...text("direct_product_id", "purchased_product_id")} placeholder="prod_…" />
      </Field>
      <Field name="team_counts" label={t("ranks.teamCounts")} hint={t("ranks.teamCountsHint")}>
        <Input {...text("team_counts", "team_counts")} placeholder="3, 9" />
      </Field>
    </FormDrawer>
  )
}

const RanksPage = () => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const confirm = usePrompt()
  const { data, isLoading, isError, error } = useRanks()
  const ranks = data ?? []
  const [editing, setEditing] = useState<Rank | "new" | null>(null)

  const remove = async (rank: Rank) => {
    const ok = await confirm({
      title: t("ranks.deleteTitle", { name: rank.name }),
      description: t("ranks.deleteDescription"),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
    })
    if (!ok) return
    try {
      await sdk.client.fetch(`/admin/fission/ranks/${rank.id}`, { method: "DELETE" })
      toast.success(t("ranks.deleted"))
      queryClient.invalidateQueries({ queryKey: distKeys.all })
    } catch (e) {
      toast.error(t("ranks.deleteFailed"), { description: errorMessage(e) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title={t("ranks.title")}
        subtitle={t("ranks.subtitle")}
        actions={
          <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
            {t("ranks.create")}
          </Button>
        }
      />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>#</Table.HeaderCell>
            <Table.HeaderCell>{t("ranks.name")}</Table.HeaderCell>
            <Table.HeaderCell>{t("ranks.conditionsColumn")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">L1 / L2</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("ranks.teamReward")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("ranks.leaderShareColumn")}</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {ranks.map((r) => (
            <Table.Row key={r.id} className="cursor-pointer" onClick={() => setEditing(r)}>
              <Table.Cell className="tabular-nums">{r.position}</Table.Cell>
              <Table.Cell>
                <div className="flex items-center gap-x-1">
                  <span className="txt-compact-small-plus">{r.name}</span>
                  {r.is_default && (
                    <Badge size="2xsmall" color="blue">
                      {t("ranks.default")}
                    </Badge>
                  )}
                  {r.is_leader && (
                    <Badge size="2xsmall" color="purple">
                      {t("ranks.leader")}
                    </Badge>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="max-w-[320px]">
                <Text size="small" className="truncate">
                  {conditionsText(r, ranks, t, (v) => f.money(v)) ?? <span className="text-ui-fg-muted">{t("ranks.none")}</span>}
                </Text>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {r.level1_rate === null && r.level2_rate === null ? (
                  <span className="text-ui-fg-muted">{t("ranks.storeRates")}</span>
                ) : (
                  `${percentLabel(r.level1_rate)} / ${percentLabel(r.level2_rate)}`
                )}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{r.team_reward_amount ? f.money(r.team_reward_amount) : "–"}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{r.leader_share_rate ? percentLabel(r.leader_share_rate) : "–"}</Table.Cell>
              <Table.Cell className="text-right">
                <Button
                  size="small"
                  variant="transparent"
                  onClick={(e) => {
                    e.stopPropagation()
                    remove(r)
                  }}
                >
                  {t("common.delete")}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableNote loading={isLoading} error={isError ? errorMessage(error) : null} empty={!!data && !ranks.length} emptyText={t("ranks.empty")} />
      {editing !== null && (
        <RankDrawer key={editing === "new" ? "new" : editing.id} rank={editing === "new" ? null : editing} ranks={ranks} onClose={() => setEditing(null)} />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.ranks", translationNs: "fission-distribution", rank: 6 })

export default RanksPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Drawer, Input, Select, Switch, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { Field, SectionHeader, TableNote } from "../../../components/section"
import { distKeys, errorMessage, fractionToPercent, money, percentLabel, percentToFraction, Rank } from "../../../lib/distribution"
import { useRanks } from "../../../lib/queries"
import { sdk } from "@fission/core/admin-kit"

const ANY = "any"

function conditionsText(rank: Rank, ranks: Rank[]) {
  const c = rank.conditions
  if (!c) return null
  const parts: string[] = []
  if (c.personal_spend !== undefined) parts.push(`spent ≥ ${money(c.personal_spend)}`)
  if (c.direct_referrals) {
    const of = c.direct_referrals.rank_id ? ` ${ranks.find((r) => r.id === c.direct_referrals!.rank_id)?.name ?? "rank"}` : ""
    const bought = c.direct_referrals.purchased_product_id ? ` who bought ${c.direct_referrals.purchased_product_id}` : ""
    parts.push(`${c.direct_referrals.count} direct${of} referrals${bought}`)
  }
  if (c.team_counts?.length) parts.push(`team ${c.team_counts.join(" × ")}`)
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

function RankForm({ rank, ranks, onDone }: { rank: Rank | null; ranks: Rank[]; onDone: () => void }) {
  const queryClient = useQueryClient()
  const [form, setForm] = useState<FormState>(() => toForm(rank, ranks.length ? Math.max(...ranks.map((r) => r.position)) + 1 : 0))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof FormState>(key: K) => (value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }))
  const text = (key: keyof FormState) => ({
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value as never),
  })

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await sdk.client.fetch(rank ? `/admin/fission/ranks/${rank.id}` : "/admin/fission/ranks", { method: "POST", body: toBody(form) })
      toast.success(rank ? "Rank saved" : "Rank created")
      queryClient.invalidateQueries({ queryKey: distKeys.all })
      onDone()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{rank ? `Edit ${rank.name}` : "New rank"}</Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          A promoter reaches a rank when every condition given holds. Empty rates use the store's rates.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <div className="grid grid-cols-2 gap-4">
          <Field label="Name" htmlFor="rank-name">
            <Input id="rank-name" {...text("name")} placeholder="e.g. boss" />
          </Field>
          <Field label="Position" htmlFor="rank-position" hint="Lower first; promotion goes up the list.">
            <Input id="rank-position" inputMode="numeric" {...text("position")} />
          </Field>
        </div>
        <div className="flex flex-col gap-y-3">
          <label className="flex items-center gap-x-2 txt-compact-small">
            <Switch checked={form.is_default} onCheckedChange={set("is_default")} /> Default rank (every new promoter starts here)
          </label>
          <label className="flex items-center gap-x-2 txt-compact-small">
            <Switch checked={form.is_leader} onCheckedChange={set("is_leader")} /> Team leader (earns the leader share on team orders)
          </label>
        </div>
        <Text size="small" weight="plus">
          Rank effects
        </Text>
        <div className="grid grid-cols-2 gap-4">
          <Field label="Level 1 rate (%)" htmlFor="rank-l1" hint="Overrides the store rate; empty = store rate.">
            <Input id="rank-l1" inputMode="decimal" {...text("level1")} placeholder="e.g. 12" />
          </Field>
          <Field label="Level 2 rate (%)" htmlFor="rank-l2">
            <Input id="rank-l2" inputMode="decimal" {...text("level2")} placeholder="e.g. 6" />
          </Field>
          <Field label="Team reward" htmlFor="rank-reward" hint="Paid when a direct referral is promoted or buys the package.">
            <Input id="rank-reward" inputMode="decimal" {...text("team_reward_amount")} placeholder="e.g. 350" />
          </Field>
          <Field label="Leader share (%)" htmlFor="rank-leader" hint="Of team orders, for leader ranks.">
            <Input id="rank-leader" inputMode="decimal" {...text("leader_share")} placeholder="e.g. 2" />
          </Field>
        </div>
        <Text size="small" weight="plus">
          Promotion conditions
        </Text>
        <Field label="Personal paid spend at least" htmlFor="rank-spend">
          <Input id="rank-spend" inputMode="decimal" {...text("personal_spend")} placeholder="e.g. 899" />
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field label="Direct referrals at least" htmlFor="rank-direct">
            <Input id="rank-direct" inputMode="numeric" {...text("direct_count")} placeholder="e.g. 2" />
          </Field>
          <Field label="…of rank" htmlFor="rank-direct-rank">
            <Select value={form.direct_rank_id} onValueChange={set("direct_rank_id")}>
              <Select.Trigger id="rank-direct-rank">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ANY}>any rank</Select.Item>
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
        <Field label="…who bought product (id)" htmlFor="rank-direct-product" hint="e.g. the 899 package's product id; empty = no purchase required.">
          <Input id="rank-direct-product" {...text("direct_product_id")} placeholder="prod_…" />
        </Field>
        <Field label="Team size by level" htmlFor="rank-team" hint='e.g. "3, 9" (3×9) or "3, 9, 27"; counted at most 3 levels deep.'>
          <Input id="rank-team" {...text("team_counts")} placeholder="3, 9" />
        </Field>
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={busy} disabled={!form.name.trim()}>
          {rank ? "Save" : "Create"}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

const RanksPage = () => {
  const queryClient = useQueryClient()
  const confirm = usePrompt()
  const { data, isLoading, isError, error } = useRanks()
  const ranks = data?.ranks ?? []
  const [editing, setEditing] = useState<Rank | "new" | null>(null)

  const remove = async (rank: Rank) => {
    const ok = await confirm({
      title: `Delete ${rank.name}?`,
      description: "Only a rank no promoter holds can be deleted.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      await sdk.client.fetch(`/admin/fission/ranks/${rank.id}`, { method: "DELETE" })
      toast.success("Rank deleted")
      queryClient.invalidateQueries({ queryKey: distKeys.all })
    } catch (e) {
      toast.error("Could not delete", { description: errorMessage(e) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Ranks"
        subtitle="Promoter ranks with their promotion conditions and effects (SPEC: member → boss)."
        actions={
          <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
            Create rank
          </Button>
        }
      />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>#</Table.HeaderCell>
            <Table.HeaderCell>Name</Table.HeaderCell>
            <Table.HeaderCell>Conditions</Table.HeaderCell>
            <Table.HeaderCell className="text-right">L1 / L2</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Team reward</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Leader share</Table.HeaderCell>
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
                      default
                    </Badge>
                  )}
                  {r.is_leader && (
                    <Badge size="2xsmall" color="purple">
                      leader
                    </Badge>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="max-w-[320px]">
                <Text size="small" className="truncate">
                  {conditionsText(r, ranks) ?? <span className="text-ui-fg-muted">none</span>}
                </Text>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {r.level1_rate === null && r.level2_rate === null ? (
                  <span className="text-ui-fg-muted">store rates</span>
                ) : (
                  `${percentLabel(r.level1_rate)} / ${percentLabel(r.level2_rate)}`
                )}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{r.team_reward_amount ? money(r.team_reward_amount) : "–"}</Table.Cell>
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
                  Delete
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableNote
        loading={isLoading}
        error={isError ? errorMessage(error) : null}
        empty={!!data && !ranks.length}
        emptyText="No ranks yet: every promoter has the same rates. Create e.g. member (default) and boss."
      />
      <Drawer open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <Drawer.Content>
          {editing !== null && (
            <RankForm key={editing === "new" ? "new" : editing.id} rank={editing === "new" ? null : editing} ranks={ranks} onDone={() => setEditing(null)} />
          )}
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.ranks", translationNs: "fission-distribution", rank: 6 })

export default RanksPage

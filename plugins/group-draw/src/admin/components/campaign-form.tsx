import { Button, Drawer, Input, Label, Select, Switch, Text, Textarea } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { FormEvent, ReactNode, useState } from "react"
import { Campaign, errorMessage, LOCKED_FIELDS } from "../lib/group-draw"
import { sdk } from "@fission/core/admin-kit"

type FormState = Record<string, string | boolean>

const NUMBER_FIELDS = [
  "group_size",
  "winners",
  "duration_hours",
  "max_groups_per_customer_per_day",
  "shopper_group_size_min",
  "shopper_group_size_max",
  "shopper_winners_min",
  "shopper_winners_max",
  "shopper_duration_hours_max",
]
const NULLABLE = new Set([
  "description",
  "max_groups_per_customer_per_day",
  "shopper_group_size_min",
  "shopper_group_size_max",
  "shopper_winners_min",
  "shopper_winners_max",
  "shopper_duration_hours_max",
  "starts_at",
  "ends_at",
])

const localDateTime = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16) : "")

function initialState(c: Campaign | null): FormState {
  const text = (v: unknown) => (v === null || v === undefined ? "" : String(v))
  return {
    title: text(c?.title),
    description: text(c?.description),
    variant_id: text(c?.variant_id),
    price: text(c?.price),
    currency_code: c?.currency_code ?? "cny",
    group_size: text(c?.group_size ?? 5),
    winners: text(c?.winners ?? 1),
    duration_hours: text(c?.duration_hours ?? 24),
    allow_early_draw: c?.allow_early_draw ?? false,
    loser_reward: text(c?.loser_reward ?? 0),
    red_envelope_amount: text(c?.red_envelope_amount ?? 0),
    red_envelope_split: c?.red_envelope_split ?? "random",
    winner_shopping_fund_ratio: text(c?.winner_shopping_fund_ratio ?? 0),
    visibility: c?.visibility ?? "open",
    max_groups_per_customer_per_day: text(c?.max_groups_per_customer_per_day),
    allow_shopper_groups: c?.allow_shopper_groups ?? false,
    shopper_group_size_min: text(c?.shopper_group_size_min),
    shopper_group_size_max: text(c?.shopper_group_size_max),
    shopper_winners_min: text(c?.shopper_winners_min),
    shopper_winners_max: text(c?.shopper_winners_max),
    shopper_duration_hours_max: text(c?.shopper_duration_hours_max),
    allow_private_groups: c?.allow_private_groups ?? false,
    status: c?.status ?? "draft",
    starts_at: localDateTime(c?.starts_at ?? null),
    ends_at: localDateTime(c?.ends_at ?? null),
  }
}

/** Form state → API body; numbers as numbers, empty optional fields as null (amounts stay decimal strings). */
function toBody(state: FormState, only?: Set<string>) {
  const body: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(state)) {
    if (only && !only.has(key)) continue
    if (typeof value === "boolean") body[key] = value
    else if (value.trim() === "") {
      if (NULLABLE.has(key)) body[key] = null
    } else if (NUMBER_FIELDS.includes(key)) body[key] = Number(value)
    else if (key === "starts_at" || key === "ends_at") body[key] = new Date(value).toISOString()
    else body[key] = value.trim()
  }
  return body
}

function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Label size="small" weight="plus">
        {label}
      </Label>
      {children}
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}

function useVariants() {
  return useQuery({
    queryKey: ["fission-group-draw", "variants"],
    queryFn: () =>
      sdk.client.fetch<{ products: { id: string; title: string; variants: { id: string; title: string; sku: string | null }[] }[] }>(
        "/admin/products",
        { query: { limit: 100, fields: "id,title,variants.id,variants.title,variants.sku" } }
      ),
  })
}

/**
 * Create or edit a campaign (SPEC §4.1). The server checks every rule and the compliance
 * prize cap and answers 400 naming the field; its message is shown in place. When the
 * campaign already has groups the money rules are locked (disabled here, refused there).
 */
export function CampaignFormDrawer({
  open,
  campaign,
  locked,
  onClose,
  onSaved,
}: {
  open: boolean
  campaign: Campaign | null
  locked: boolean
  onClose: () => void
  onSaved: (c: Campaign) => void
}) {
  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content>
        {open && <CampaignForm key={campaign?.id ?? "new"} campaign={campaign} locked={locked} onClose={onClose} onSaved={onSaved} />}
      </Drawer.Content>
    </Drawer>
  )
}

function CampaignForm({
  campaign,
  locked,
  onClose,
  onSaved,
}: {
  campaign: Campaign | null
  locked: boolean
  onClose: () => void
  onSaved: (c: Campaign) => void
}) {
  const original = initialState(campaign)
  const [state, setState] = useState<FormState>(original)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const variants = useVariants()
  const isLocked = (f: string) => locked && (LOCKED_FIELDS as readonly string[]).includes(f)
  const set = (key: string) => (value: string | boolean) => setState((s) => ({ ...s, [key]: value }))
  const input = (key: string, type = "text", placeholder?: string) => (
    <Input
      size="small"
      type={type}
      placeholder={placeholder}
      disabled={isLocked(key)}
      value={state[key] as string}
      onChange={(e) => set(key)(e.target.value)}
    />
  )
  const toggle = (key: string, label: string) => (
    <div className="flex items-center gap-x-2">
      <Switch id={`gd-${key}`} checked={state[key] as boolean} disabled={isLocked(key)} onCheckedChange={(v) => set(key)(v)} />
      <Label htmlFor={`gd-${key}`} size="small">
        {label}
      </Label>
    </div>
  )
  const select = (key: string, options: [string, string][]) => (
    <Select size="small" value={state[key] as string} onValueChange={set(key)} disabled={isLocked(key)}>
      <Select.Trigger>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map(([value, label]) => (
          <Select.Item key={value} value={value}>
            {label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      // an edit sends only what changed, so untouched locked rules are never "changed"
      const changed = campaign ? new Set(Object.keys(state).filter((k) => state[k] !== original[k])) : undefined
      const { group_draw } = await sdk.client.fetch<{ group_draw: Campaign }>(
        campaign ? `/admin/fission/group-draws/${campaign.id}` : "/admin/fission/group-draws",
        { method: "POST", body: toBody(state, changed) }
      )
      onSaved(group_draw)
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const variantOptions: [string, string][] = (variants.data?.products ?? []).flatMap((p) =>
    p.variants.map((v) => [v.id, `${p.title} — ${v.title}${v.sku ? ` (${v.sku})` : ""}`] as [string, string])
  )
  if (state.variant_id && !variantOptions.some(([id]) => id === state.variant_id)) {
    variantOptions.unshift([state.variant_id as string, state.variant_id as string])
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{campaign ? `Edit ${campaign.title}` : "New group draw campaign"}</Drawer.Title>
        {locked && (
          <Drawer.Description className="txt-small text-ui-fg-subtle">
            This campaign has groups: its draw and money rules are locked (SPEC §0.6 — no rule changes after commitment).
          </Drawer.Description>
        )}
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Field label="Title">{input("title")}</Field>
        <Field label="Description">
          <Textarea value={state.description as string} onChange={(e) => set("description")(e.target.value)} />
        </Field>
        <Field label="Product variant" hint="The cart line must be this variant at the campaign price.">
          {select("variant_id", variantOptions)}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Price">{input("price", "text", "99.00")}</Field>
          <Field label="Currency">{input("currency_code")}</Field>
          <Field label="Group size N">{input("group_size", "number")}</Field>
          <Field label="Winners K" hint="1 ≤ K < N">
            {input("winners", "number")}
          </Field>
          <Field label="Duration (hours)" hint="Not full by then: refunded in full, or drawn early.">
            {input("duration_hours", "number")}
          </Field>
          <Field label="Max groups per customer per day" hint="Empty = unlimited">
            {input("max_groups_per_customer_per_day", "number")}
          </Field>
        </div>
        {toggle("allow_early_draw", "Draw an expired group with the members present (at least K + 1)")}
        <div className="grid grid-cols-2 gap-3">
          <Field label="Loser reward (store credit)">{input("loser_reward")}</Field>
          <Field label="Winner shopping fund ratio" hint="0..1 × price, locked then released (§6.6)">
            {input("winner_shopping_fund_ratio")}
          </Field>
          <Field label="Red envelope per group">{input("red_envelope_amount")}</Field>
          <Field label="Red envelope split">{select("red_envelope_split", [["random", "Random (fair draw)"], ["equal", "Equal (remainder to the last seat)"]])}</Field>
          <Field label="Campaign visibility">{select("visibility", [["open", "Open — listed"], ["private", "Private — by link only"]])}</Field>
          <Field label="Status">{select("status", [["draft", "Draft"], ["active", "Active"], ["ended", "Ended"]])}</Field>
          <Field label="Starts at">{input("starts_at", "datetime-local")}</Field>
          <Field label="Ends at">{input("ends_at", "datetime-local")}</Field>
        </div>
        <div className="flex flex-col gap-y-3 rounded-md border p-3">
          {toggle("allow_shopper_groups", "Shoppers may define their own groups within these limits")}
          {state.allow_shopper_groups && (
            <>
              <div className="grid grid-cols-2 gap-3">
                <Field label="Group size min" hint="Empty = N">
                  {input("shopper_group_size_min", "number")}
                </Field>
                <Field label="Group size max" hint="Empty = N">
                  {input("shopper_group_size_max", "number")}
                </Field>
                <Field label="Winners min" hint="Empty = K">
                  {input("shopper_winners_min", "number")}
                </Field>
                <Field label="Winners max" hint="Empty = K">
                  {input("shopper_winners_max", "number")}
                </Field>
                <Field label="Duration max (hours)" hint="Empty = the campaign duration">
                  {input("shopper_duration_hours_max", "number")}
                </Field>
              </div>
              {toggle("allow_private_groups", "Allow private groups (joinable by link only, not listed)")}
            </>
          )}
        </div>
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button" onClick={onClose}>
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={busy}>
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

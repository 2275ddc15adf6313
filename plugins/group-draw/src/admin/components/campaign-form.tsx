import { Field, fieldId, FormDrawer, sdk, useAllPages } from "@fission/core/admin-kit"
import { Input, Label, Select, Switch, Textarea } from "@medusajs/ui"
import { ReactNode, useState } from "react"
import { useTranslation } from "react-i18next"
import { Campaign, LOCKED_FIELDS } from "../lib/group-draw"

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

type Product = { id: string; title: string; variants: { id: string; title: string; sku: string | null }[] }

/** Every product's variants, for the picker (every page of `/admin/products`). */
function useVariants() {
  return useAllPages<Product>(["fission-group-draw", "variants"], "/admin/products", "products", { fields: "id,title,variants.id,variants.title,variants.sku" })
}

const HINTS = new Set([
  "variant_id",
  "winners",
  "duration_hours",
  "max_groups_per_customer_per_day",
  "winner_shopping_fund_ratio",
  "shopper_group_size_min",
  "shopper_group_size_max",
  "shopper_winners_min",
  "shopper_winners_max",
  "shopper_duration_hours_max",
])

/**
 * Create or edit a campaign (SPEC §4.1). The server checks every rule and the compliance
 * prize cap and answers 400 naming the field; its message is shown under that field. When
 * the campaign already has groups the money rules are locked (disabled here, refused there).
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
  if (!open) return null
  return <CampaignForm key={campaign?.id ?? "new"} campaign={campaign} locked={locked} onClose={onClose} onSaved={onSaved} />
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
  const { t } = useTranslation("fission-group-draw")
  const original = initialState(campaign)
  const [state, setState] = useState<FormState>(original)
  const variants = useVariants()
  const isLocked = (f: string) => locked && (LOCKED_FIELDS as readonly string[]).includes(f)
  const set = (key: string) => (value: string | boolean) => setState((s) => ({ ...s, [key]: value }))
  const field = (key: string, control: ReactNode) => (
    <Field name={key} label={t(`form.${key}`)} hint={HINTS.has(key) ? t(`form.hints.${key}`) : undefined}>
      {control}
    </Field>
  )
  const input = (key: string, type = "text", placeholder?: string) =>
    field(
      key,
      <Input
        id={fieldId(key)}
        size="small"
        type={type}
        placeholder={placeholder}
        disabled={isLocked(key)}
        value={state[key] as string}
        onChange={(e) => set(key)(e.target.value)}
      />
    )
  const toggle = (key: string) => (
    <div className="flex items-center gap-x-2">
      <Switch id={fieldId(key)} checked={state[key] as boolean} disabled={isLocked(key)} onCheckedChange={(v) => set(key)(v)} />
      <Label htmlFor={fieldId(key)} size="small">
        {t(`form.${key}`)}
      </Label>
    </div>
  )
  const select = (key: string, options: [string, string][]) =>
    field(
      key,
      <Select size="small" value={state[key] as string} onValueChange={set(key)} disabled={isLocked(key)}>
        <Select.Trigger id={fieldId(key)}>
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

  const submit = async () => {
    // an edit sends only what changed, so untouched locked rules are never "changed"
    const changed = campaign ? new Set(Object.keys(state).filter((k) => state[k] !== original[k])) : undefined
    const { group_draw } = await sdk.client.fetch<{ group_draw: Campaign }>(
      campaign ? `/admin/fission/group-draws/${campaign.id}` : "/admin/fission/group-draws",
      { method: "POST", body: toBody(state, changed) }
    )
    onSaved(group_draw)
  }

  const variantOptions: [string, string][] = (variants.data ?? []).flatMap((p) =>
    p.variants.map((v) => [v.id, `${p.title} — ${v.title}${v.sku ? ` (${v.sku})` : ""}`] as [string, string])
  )
  if (state.variant_id && !variantOptions.some(([id]) => id === state.variant_id)) {
    variantOptions.unshift([state.variant_id as string, state.variant_id as string])
  }
  const opts = (key: string, values: string[]): [string, string][] => values.map((v) => [v, t(`form.options.${key}.${v}`)])

  return (
    <FormDrawer
      open
      onOpenChange={(o) => !o && onClose()}
      title={campaign ? t("form.editTitle", { title: campaign.title }) : t("form.newTitle")}
      description={locked ? t("form.locked") : undefined}
      fields={Object.keys(original)}
      onSubmit={submit}
    >
      {input("title")}
      {field("description", <Textarea id={fieldId("description")} value={state.description as string} onChange={(e) => set("description")(e.target.value)} />)}
      {select("variant_id", variantOptions)}
      <div className="grid grid-cols-2 gap-3">
        {input("price", "text", "99.00")}
        {input("currency_code")}
        {input("group_size", "number")}
        {input("winners", "number")}
        {input("duration_hours", "number")}
        {input("max_groups_per_customer_per_day", "number")}
      </div>
      {toggle("allow_early_draw")}
      <div className="grid grid-cols-2 gap-3">
        {input("loser_reward")}
        {input("winner_shopping_fund_ratio")}
        {input("red_envelope_amount")}
        {select("red_envelope_split", opts("red_envelope_split", ["random", "equal"]))}
        {select("visibility", opts("visibility", ["open", "private"]))}
        {select("status", opts("status", ["draft", "active", "ended"]))}
        {input("starts_at", "datetime-local")}
        {input("ends_at", "datetime-local")}
      </div>
      <div className="flex flex-col gap-y-3 rounded-md border p-3">
        {toggle("allow_shopper_groups")}
        {state.allow_shopper_groups && (
          <>
            <div className="grid grid-cols-2 gap-3">
              {input("shopper_group_size_min", "number")}
              {input("shopper_group_size_max", "number")}
              {input("shopper_winners_min", "number")}
              {input("shopper_winners_max", "number")}
              {input("shopper_duration_hours_max", "number")}
            </div>
            {toggle("allow_private_groups")}
          </>
        )}
      </div>
    </FormDrawer>
  )
}

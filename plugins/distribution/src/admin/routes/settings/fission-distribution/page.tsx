import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Input, Select, Switch, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, ReactNode, useEffect, useState } from "react"
import { Field, SectionHeader } from "../../../components/section"
import { DistributionSettings, distKeys, errorMessage, fractionToPercent, percentToFraction } from "../../../lib/distribution"
import { sdk } from "@fission/core/admin-kit"

type SettingsResponse = { settings: DistributionSettings; limits: { max_commission_depth: number } }

// Form values are text as typed; rates are edited in percent and sent as fractions.
type Form = Record<keyof DistributionSettings, string | boolean>
const RATE_FIELDS = ["level1_rate", "level2_rate", "withdrawal_fee_rate"] as const
const INT_FIELDS = ["commission_depth", "freeze_days", "pass_up_count", "withdrawal_daily_limit", "binding_expiry_days"] as const
const DECIMAL_FIELDS = ["auto_promoter_threshold", "withdrawal_min_amount"] as const

const toForm = (s: DistributionSettings): Form => ({
  ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, typeof v === "boolean" ? v : v === null ? "" : String(v)])),
  level1_rate: fractionToPercent(s.level1_rate),
  level2_rate: fractionToPercent(s.level2_rate),
  withdrawal_fee_rate: fractionToPercent(s.withdrawal_fee_rate),
}) as Form

/** Only what changed; numbers as numbers where they parse (the server validates and names the field). */
function patchOf(form: Form, initial: Form) {
  const patch: Record<string, unknown> = {}
  for (const key of Object.keys(form) as (keyof Form)[]) {
    if (form[key] === initial[key]) continue
    const v = form[key]
    if (typeof v === "boolean") patch[key] = v
    else if ((RATE_FIELDS as readonly string[]).includes(key)) patch[key] = percentToFraction(v)
    else if ((INT_FIELDS as readonly string[]).includes(key)) patch[key] = key === "binding_expiry_days" && !v.trim() ? null : /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : v
    else if ((DECIMAL_FIELDS as readonly string[]).includes(key)) patch[key] = v.trim()
    else if (key === "share_base_url") patch[key] = v.trim() || null
    else patch[key] = v
  }
  return patch
}

/** The field a server message is about: messages start with the field name ("level1_rate must be …"). */
const fieldOf = (message: string) => /^(?:Invalid request: )?(?:Field '|Expected .* for field ')?([a-z0-9_]+)/.exec(message)?.[1] ?? null

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4">
      <Text size="small" weight="plus">
        {title}
      </Text>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">{children}</div>
    </div>
  )
}

function Choice({ id, value, onChange, options }: { id: string; value: string; onChange: (v: string) => void; options: [string, string][] }) {
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id={id}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map(([v, l]) => (
          <Select.Item key={v} value={v}>
            {l}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}

const DistributionSettingsPage = () => {
  const queryClient = useQueryClient()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("settings"),
    queryFn: () => sdk.client.fetch<SettingsResponse>("/admin/fission/distribution/settings"),
  })
  const [form, setForm] = useState<Form | null>(null)
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const initial = data ? toForm(data.settings) : null
  useEffect(() => {
    if (data) setForm(toForm(data.settings))
  }, [data])

  if (isLoading || !form || !initial || !data) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
          {isError ? errorMessage(error) : "Loading…"}
        </Text>
      </Container>
    )
  }

  const patch = patchOf(form, initial)
  const dirty = Object.keys(patch).length > 0
  const errorField = serverError ? fieldOf(serverError) : null
  const err = (key: string) => (errorField === key ? serverError : null)
  const set = (key: keyof Form) => (value: string | boolean) => setForm((f) => (f ? { ...f, [key]: value } : f))
  const text = (key: keyof Form) => ({
    id: `dist-${key}`,
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
  })
  const cap = data.limits.max_commission_depth

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!dirty || saving) return
    setSaving(true)
    setServerError(null)
    try {
      const res = await sdk.client.fetch<SettingsResponse>("/admin/fission/distribution/settings", { method: "POST", body: patch })
      queryClient.setQueryData(distKeys.scope("settings"), res)
      queryClient.invalidateQueries({ queryKey: distKeys.all })
      toast.success("Distribution settings saved")
    } catch (err) {
      setServerError(errorMessage(err))
      toast.error("Settings not saved", { description: errorMessage(err) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <form onSubmit={save} className="divide-y">
        <SectionHeader
          title="Distribution"
          subtitle="Referral binding, promoters, commission and withdrawal rules. Changes apply to new orders."
          actions={
            <>
              <Button size="small" variant="secondary" type="button" disabled={!dirty || saving} onClick={() => (setForm(initial), setServerError(null))}>
                Reset
              </Button>
              <Button size="small" type="submit" disabled={!dirty} isLoading={saving}>
                Save
              </Button>
            </>
          }
        />
        {serverError && (
          <div className="px-6 py-4">
            <Alert variant="error" dismissible={false}>
              {serverError}
            </Alert>
          </div>
        )}
        <Group title="Referral binding">
          <Field label="Bind mode" htmlFor="dist-bind_mode" error={err("bind_mode")}>
            <Choice
              id="dist-bind_mode"
              value={form.bind_mode as string}
              onChange={set("bind_mode")}
              options={[
                ["anytime_until_first_order", "Any time until the first order"],
                ["on_register", "Only at sign-up"],
                ["on_first_order", "With the first order"],
              ]}
            />
          </Field>
          <Field label="Binding expires after (days without purchase)" htmlFor="dist-binding_expiry_days" hint="Empty: a binding never expires." error={err("binding_expiry_days")}>
            <Input inputMode="numeric" placeholder="never" {...text("binding_expiry_days")} />
          </Field>
          <Field label="Share link base URL" htmlFor="dist-share_base_url" hint="The storefront address used in share links and posters." error={err("share_base_url")}>
            <Input placeholder="https://shop.example.com" {...text("share_base_url")} />
          </Field>
        </Group>
        <Group title="Promoters">
          <Field label="Who is a promoter" htmlFor="dist-promoter_mode" error={err("promoter_mode")}>
            <Choice
              id="dist-promoter_mode"
              value={form.promoter_mode as string}
              onChange={set("promoter_mode")}
              options={[
                ["everyone_is_promoter", "Everyone"],
                ["apply", "Customers who apply (admin approves)"],
                ["auto_after_spend", "Automatically after a lifetime spend"],
              ]}
            />
          </Field>
          <Field label="Auto-promoter spend threshold" htmlFor="dist-auto_promoter_threshold" hint="Used when promoters are made automatically, e.g. 899." error={err("auto_promoter_threshold")}>
            <Input inputMode="decimal" {...text("auto_promoter_threshold")} />
          </Field>
        </Group>
        <Group title="Commission">
          <Field
            label="Commission depth (levels above the buyer)"
            htmlFor="dist-commission_depth"
            hint={`1 or ${cap}: never more than 2 (3 levels of team pay is pyramid selling).`}
            error={err("commission_depth")}
          >
            <Input inputMode="numeric" {...text("commission_depth")} />
          </Field>
          <Field label="Freeze days after delivery" htmlFor="dist-freeze_days" hint="Commission becomes available this long after delivery." error={err("freeze_days")}>
            <Input inputMode="numeric" {...text("freeze_days")} />
          </Field>
          <Field label="Level 1 rate (%)" htmlFor="dist-level1_rate" hint="Store default for products without their own rule." error={err("level1_rate")}>
            <Input inputMode="decimal" {...text("level1_rate")} />
          </Field>
          <Field label="Level 2 rate (%)" htmlFor="dist-level2_rate" error={err("level2_rate")}>
            <Input inputMode="decimal" {...text("level2_rate")} />
          </Field>
          <Field label="Pass-up count" htmlFor="dist-pass_up_count" hint="A member's first N recruits credit their upline until promoted; 0 = off." error={err("pass_up_count")}>
            <Input inputMode="numeric" {...text("pass_up_count")} />
          </Field>
          <Field label="Self-purchase commission" hint="A promoter earns the level-1 commission on their own orders." error={err("self_purchase_commission")}>
            <div className="flex h-8 items-center">
              <Switch id="dist-self_purchase_commission" checked={form.self_purchase_commission as boolean} onCheckedChange={set("self_purchase_commission")} />
            </div>
          </Field>
        </Group>
        <Group title="Withdrawals">
          <Field label="Minimum amount" htmlFor="dist-withdrawal_min_amount" error={err("withdrawal_min_amount")}>
            <Input inputMode="decimal" {...text("withdrawal_min_amount")} />
          </Field>
          <Field label="Fee (%)" htmlFor="dist-withdrawal_fee_rate" error={err("withdrawal_fee_rate")}>
            <Input inputMode="decimal" {...text("withdrawal_fee_rate")} />
          </Field>
          <Field label="Requests per day" htmlFor="dist-withdrawal_daily_limit" error={err("withdrawal_daily_limit")}>
            <Input inputMode="numeric" {...text("withdrawal_daily_limit")} />
          </Field>
        </Group>
      </form>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.settings", translationNs: "fission-distribution" })

export default DistributionSettingsPage

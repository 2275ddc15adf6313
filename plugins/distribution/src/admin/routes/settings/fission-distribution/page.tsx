import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Alert, Button, Container, Input, Select, Switch, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, ReactNode, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { Field, SectionHeader } from "../../../components/section"
import { DistributionSettings, distKeys, fractionToPercent, percentToFraction } from "../../../lib/distribution"
import { errorMessage, fieldErrors, sdk, Section } from "@fission/core/admin-kit"

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


function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Section title={title} className="gap-y-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">{children}</div>
    </Section>
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
  const { t } = useTranslation("fission-distribution")
  const queryClient = useQueryClient()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("settings"),
    queryFn: () => sdk.client.fetch<SettingsResponse>("/admin/fission/distribution/settings"),
  })
  const [form, setForm] = useState<Form | null>(null)
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<unknown>(null)
  const initial = data ? toForm(data.settings) : null
  useEffect(() => {
    if (data) setForm(toForm(data.settings))
  }, [data])

  if (isLoading || !form || !initial || !data) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
          {isError ? errorMessage(error) : t("common.loading")}
        </Text>
      </Container>
    )
  }

  const patch = patchOf(form, initial)
  const dirty = Object.keys(patch).length > 0
  // the 400 names the field: its message goes under that field, others above the form
  const errors = serverError ? fieldErrors(serverError, Object.keys(form)) : {}
  const err = (key: string) => errors[key] ?? null
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
      toast.success(t("settings.saved"))
    } catch (err) {
      setServerError(err)
      toast.error(t("settings.notSaved"), { description: errorMessage(err) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <form onSubmit={save} className="divide-y">
        <SectionHeader
          title={t("overview.title")}
          subtitle={t("settings.subtitle")}
          actions={
            <>
              <Button size="small" variant="secondary" type="button" disabled={!dirty || saving} onClick={() => (setForm(initial), setServerError(null))}>
                {t("settings.reset")}
              </Button>
              <Button size="small" type="submit" disabled={!dirty} isLoading={saving}>
                {t("common.save")}
              </Button>
            </>
          }
        />
        {errors._form && (
          <div className="px-6 py-4">
            <Alert variant="error" dismissible={false}>
              {errors._form}
            </Alert>
          </div>
        )}
        <Group title={t("settings.groups.binding")}>
          <Field label={t("settings.fields.bind_mode.label")} htmlFor="dist-bind_mode" error={err("bind_mode")}>
            <Choice
              id="dist-bind_mode"
              value={form.bind_mode as string}
              onChange={set("bind_mode")}
              options={[
                ["anytime_until_first_order", t("settings.options.anytime_until_first_order")],
                ["on_register", t("settings.options.on_register")],
                ["on_first_order", t("settings.options.on_first_order")],
              ]}
            />
          </Field>
          <Field label={t("settings.fields.binding_expiry_days.label")} htmlFor="dist-binding_expiry_days" hint={t("settings.fields.binding_expiry_days.hint")} error={err("binding_expiry_days")}>
            <Input inputMode="numeric" placeholder={t("referrals.never")} {...text("binding_expiry_days")} />
          </Field>
          <Field label={t("settings.fields.share_base_url.label")} htmlFor="dist-share_base_url" hint={t("settings.fields.share_base_url.hint")} error={err("share_base_url")}>
            <Input placeholder="https://shop.example.com" {...text("share_base_url")} />
          </Field>
        </Group>
        <Group title={t("settings.groups.promoters")}>
          <Field label={t("settings.fields.promoter_mode.label")} htmlFor="dist-promoter_mode" error={err("promoter_mode")}>
            <Choice
              id="dist-promoter_mode"
              value={form.promoter_mode as string}
              onChange={set("promoter_mode")}
              options={[
                ["everyone_is_promoter", t("settings.options.everyone_is_promoter")],
                ["apply", t("settings.options.apply")],
                ["auto_after_spend", t("settings.options.auto_after_spend")],
              ]}
            />
          </Field>
          <Field label={t("settings.fields.auto_promoter_threshold.label")} htmlFor="dist-auto_promoter_threshold" hint={t("settings.fields.auto_promoter_threshold.hint")} error={err("auto_promoter_threshold")}>
            <Input inputMode="decimal" {...text("auto_promoter_threshold")} />
          </Field>
        </Group>
        <Group title={t("settings.groups.commission")}>
          <Field
            label={t("settings.fields.commission_depth.label")}
            htmlFor="dist-commission_depth"
            hint={t("settings.fields.commission_depth.hint", { cap })}
            error={err("commission_depth")}
          >
            <Input inputMode="numeric" {...text("commission_depth")} />
          </Field>
          <Field label={t("settings.fields.freeze_days.label")} htmlFor="dist-freeze_days" hint={t("settings.fields.freeze_days.hint")} error={err("freeze_days")}>
            <Input inputMode="numeric" {...text("freeze_days")} />
          </Field>
          <Field label={t("settings.fields.level1_rate.label")} htmlFor="dist-level1_rate" hint={t("settings.fields.level1_rate.hint")} error={err("level1_rate")}>
            <Input inputMode="decimal" {...text("level1_rate")} />
          </Field>
          <Field label={t("settings.fields.level2_rate.label")} htmlFor="dist-level2_rate" error={err("level2_rate")}>
            <Input inputMode="decimal" {...text("level2_rate")} />
          </Field>
          <Field label={t("settings.fields.pass_up_count.label")} htmlFor="dist-pass_up_count" hint={t("settings.fields.pass_up_count.hint")} error={err("pass_up_count")}>
            <Input inputMode="numeric" {...text("pass_up_count")} />
          </Field>
          <Field label={t("settings.fields.self_purchase_commission.label")} hint={t("settings.fields.self_purchase_commission.hint")} error={err("self_purchase_commission")}>
            <div className="flex h-8 items-center">
              <Switch id="dist-self_purchase_commission" checked={form.self_purchase_commission as boolean} onCheckedChange={set("self_purchase_commission")} />
            </div>
          </Field>
        </Group>
        <Group title={t("settings.groups.withdrawals")}>
          <Field label={t("settings.fields.withdrawal_min_amount.label")} htmlFor="dist-withdrawal_min_amount" error={err("withdrawal_min_amount")}>
            <Input inputMode="decimal" {...text("withdrawal_min_amount")} />
          </Field>
          <Field label={t("settings.fields.withdrawal_fee_rate.label")} htmlFor="dist-withdrawal_fee_rate" error={err("withdrawal_fee_rate")}>
            <Input inputMode="decimal" {...text("withdrawal_fee_rate")} />
          </Field>
          <Field label={t("settings.fields.withdrawal_daily_limit.label")} htmlFor="dist-withdrawal_daily_limit" error={err("withdrawal_daily_limit")}>
            <Input inputMode="numeric" {...text("withdrawal_daily_limit")} />
          </Field>
        </Group>
      </form>
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.settings", translationNs: "fission-distribution" })

export default DistributionSettingsPage

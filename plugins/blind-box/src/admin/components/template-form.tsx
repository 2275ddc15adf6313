import { errorMessage, Field, fieldId, FormDrawer, sdk } from "@fission/core/admin-kit"
import { Input, Select, Text, toast } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Economics, Template, TEMPLATE_STATUSES } from "../lib/blind-box"

// Labels: `form.<key>` in the admin translations.
const FIELDS: { key: string; integer?: boolean }[] = [
  { key: "prize_value" },
  { key: "prize_cost" },
  { key: "boxes", integer: true },
  { key: "no_win_opens", integer: true },
  { key: "initiation_cash" },
  { key: "initiation_vouchers" },
  { key: "open_price" },
  { key: "initiator_share" },
  { key: "winner_vouchers" },
  { key: "consolation_vouchers" },
  { key: "seed_gift_vouchers" },
  { key: "seed_gift_limit", integer: true },
  { key: "referrer_reward_initiation" },
  { key: "leader_reward_initiation" },
  { key: "referrer_reward_open" },
]
const ECONOMIC = ["boxes", "no_win_opens", "initiation_cash", "open_price", "initiator_share", "prize_value", "prize_cost",
  "referrer_reward_initiation", "leader_reward_initiation", "referrer_reward_open"]

const SEED: Record<string, string> = {
  prize_value: "99", prize_cost: "", boxes: "24", no_win_opens: "6", initiation_cash: "30", initiation_vouchers: "69", open_price: "5",
  initiator_share: "4.5", winner_vouchers: "198", consolation_vouchers: "99", seed_gift_vouchers: "100", seed_gift_limit: "1000",
  referrer_reward_initiation: "4", leader_reward_initiation: "6", referrer_reward_open: "0.5",
}

const fromTemplate = (t: Template): Record<string, string> => ({
  prize_value: String(t.prize.value), prize_cost: t.prize_cost === null ? "" : String(t.prize_cost), boxes: String(t.boxes),
  no_win_opens: String(t.no_win_opens), initiation_cash: String(t.initiation.cash), initiation_vouchers: String(t.initiation.vouchers),
  open_price: String(t.open_price), initiator_share: String(t.initiator_share), winner_vouchers: t.winner_vouchers === null ? "" : String(t.winner_vouchers),
  consolation_vouchers: String(t.consolation_vouchers), seed_gift_vouchers: String(t.seed_gift.vouchers), seed_gift_limit: String(t.seed_gift.limit),
  referrer_reward_initiation: String(t.referral_rewards.initiation_referrer), leader_reward_initiation: String(t.referral_rewards.initiation_leader),
  referrer_reward_open: String(t.referral_rewards.open_referrer),
})

/** The economics preview, computed by the server with the engine's own functions. */
function Preview({ values }: { values: Record<string, string> }) {
  const { t } = useTranslation("fission-blind-box")
  const body: Record<string, unknown> = {}
  for (const k of ECONOMIC) if (values[k] !== "") body[k] = FIELDS.find((f) => f.key === k)?.integer ? Number(values[k]) : values[k]
  const { data, error } = useQuery({
    queryKey: ["fission-blind-box-preview", JSON.stringify(body)],
    queryFn: () => sdk.client.fetch<{ economics: Economics }>("/admin/fission/blind-box-templates/preview", { method: "POST", body }),
    retry: false,
  })
  if (error) return <Text size="small" className="text-ui-fg-error">{errorMessage(error)}</Text>
  const e = data?.economics
  if (!e) return null
  return (
    <div className="bg-ui-bg-subtle rounded-md p-3 text-sm flex flex-col gap-y-1">
      <Text weight="plus">{t("preview.title")}</Text>
      <Text size="small">{t("preview.range", { min: e.prize_range.min, max: e.prize_range.max, expected: e.expected_opens })}</Text>
      <Text size="small">
        {t("preview.income", { min: e.initiator_income.min, max: e.initiator_income.max, grossMin: e.initiator_gross.min, grossMax: e.initiator_gross.max })}
      </Text>
      <Text size="small">
        {t("preview.margin", { min: e.platform_margin.min, max: e.platform_margin.max, perOpen: e.platform_per_open, rewards: e.initiation_rewards })}
      </Text>
    </div>
  )
}

const ALL_FIELDS = ["title", "variant_id", "currency_code", "status", ...FIELDS.map((f) => f.key)]

/** Create or edit a template; a frozen template (campaigns started) only changes title and status. The 400 names the field. */
export function TemplateDrawer({ template, onClose, onSaved }: { template?: Template; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation("fission-blind-box")
  const [title, setTitle] = useState(template?.title ?? "")
  const [variant, setVariant] = useState(template?.prize.variant_id ?? "")
  const [currency, setCurrency] = useState(template?.currency_code ?? "cny")
  const [status, setStatus] = useState<string>(template?.status ?? "draft")
  const [values, setValues] = useState<Record<string, string>>(template ? fromTemplate(template) : SEED)
  const frozen = !!template?.frozen
  const save = async () => {
    const body: Record<string, unknown> = { title, status }
    if (!frozen) {
      body.variant_id = variant
      body.currency_code = currency
      for (const f of FIELDS) {
        const v = values[f.key]
        if (v === "") {
          if (f.key === "prize_cost" || f.key === "winner_vouchers") body[f.key] = null
          continue
        }
        body[f.key] = f.integer ? Number(v) : v
      }
    }
    await sdk.client.fetch(`/admin/fission/blind-box-templates${template ? `/${template.id}` : ""}`, { method: "POST", body })
    toast.success(t("form.saved"))
    onSaved()
  }
  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={template ? t("form.editTitle") : t("form.newTitle")}
      description={frozen ? t("form.frozen") : undefined}
      fields={ALL_FIELDS}
      onSubmit={save}
    >
      <Field name="title" label={t("form.title")}>
        <Input id={fieldId("title")} value={title} onChange={(e) => setTitle(e.target.value)} />
      </Field>
      <Field name="variant_id" label={t("form.variant_id")}>
        <Input id={fieldId("variant_id")} value={variant} disabled={frozen} onChange={(e) => setVariant(e.target.value)} />
      </Field>
      <Field name="currency_code" label={t("form.currency_code")}>
        <Input id={fieldId("currency_code")} value={currency} disabled={frozen} onChange={(e) => setCurrency(e.target.value)} />
      </Field>
      <Field name="status" label={t("templates.status")}>
        <Select value={status} onValueChange={setStatus}>
          <Select.Trigger id={fieldId("status")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {TEMPLATE_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`status.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        {FIELDS.map((f) => (
          <Field key={f.key} name={f.key} label={t(`form.${f.key}`)}>
            <Input id={fieldId(f.key)} size="small" value={values[f.key]} disabled={frozen} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
          </Field>
        ))}
      </div>
      <Preview values={values} />
    </FormDrawer>
  )
}

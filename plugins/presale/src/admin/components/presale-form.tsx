import { Field, fieldId, FormDrawer, sdk } from "@fission/core/admin-kit"
import { Input, Select, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"

const DAY = 86_400_000

const initial = () => ({
  title: "",
  variant_id: "",
  currency_code: "cny",
  base_price: "100",
  step_amount: "5",
  step_interval: "200",
  max_steps: "10",
  free_interval: "25",
  min_participants: "",
  max_participants: "",
  ends_at: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 16),
  shipping_date: "",
  refund_destination: "original_payment",
  refund_timing: "each_step",
  status: "active",
})
type Values = ReturnType<typeof initial>
type Key = keyof Values

const FIELDS = Object.keys(initial()) as Key[]
const NUMBER_FIELDS: Key[] = ["base_price", "step_amount", "step_interval", "max_steps", "free_interval", "min_participants", "max_participants"]
const DATE_FIELDS: Key[] = ["ends_at", "shipping_date"]
const OPTIONS: Partial<Record<Key, string[]>> = {
  refund_destination: ["original_payment", "store_credit"],
  refund_timing: ["each_step", "at_close"],
  status: ["active", "draft"],
}
const HINTS: Key[] = ["variant_id", "step_amount", "free_interval", "min_participants", "refund_timing"]

/** Create a pre-sale (rules validated by the API, whose 400 names the field; frozen once a participant has paid). */
export function PresaleFormDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation("fission-presale")
  const [v, setV] = useState<Values>(initial)
  const set = (k: Key) => (e: string | { target: { value: string } }) => setV({ ...v, [k]: typeof e === "string" ? e : e.target.value })
  const int = (s: string) => (s.trim() === "" ? null : Number(s))
  const save = async () => {
    await sdk.client.fetch("/admin/fission/presales", {
      method: "POST",
      body: {
        title: v.title,
        variant_id: v.variant_id,
        currency_code: v.currency_code,
        base_price: Number(v.base_price),
        step_amount: Number(v.step_amount),
        step_interval: Number(v.step_interval),
        max_steps: Number(v.max_steps),
        free_interval: int(v.free_interval),
        min_participants: int(v.min_participants),
        max_participants: int(v.max_participants),
        ends_at: new Date(v.ends_at).toISOString(),
        shipping_date: v.shipping_date ? new Date(v.shipping_date).toISOString() : null,
        refund_destination: v.refund_destination,
        refund_timing: v.refund_timing,
        status: v.status,
      },
    })
    toast.success(t("form.created"))
    setV(initial())
    onSaved()
  }
  return (
    <FormDrawer
      open={open}
      onOpenChange={(o) => !o && onClose()}
      title={t("form.title")}
      fields={FIELDS}
      onSubmit={save}
    >
      {FIELDS.map((k) => (
        <Field key={k} name={k} label={t(k === "title" ? "form.title_field" : `form.${k}`)} hint={HINTS.includes(k) ? t(`form.hints.${k}`) : undefined}>
          {OPTIONS[k] ? (
            <Select size="small" value={v[k]} onValueChange={set(k)}>
              <Select.Trigger id={fieldId(k)}>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {OPTIONS[k]!.map((o) => (
                  <Select.Item key={o} value={o}>
                    {t(`form.options.${o}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          ) : (
            <Input
              id={fieldId(k)}
              size="small"
              type={NUMBER_FIELDS.includes(k) ? "number" : DATE_FIELDS.includes(k) ? "datetime-local" : "text"}
              value={v[k]}
              onChange={set(k)}
            />
          )}
        </Field>
      ))}
    </FormDrawer>
  )
}

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Input, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { Card, FieldErrorsProvider, fieldErrors, fieldId, FormError, SettingRow, sdk } from "../../../../admin-kit"

type ComplianceSettings = {
  max_commission_levels: number
  max_team_condition_depth: number
  lottery_prize_cap: number
  blind_box_price_cap: number
  blind_box_min_age: number
  guardian_consent_below_age: number
  blind_box_daily_spend_limit: number | null
}
type Field = keyof ComplianceSettings
type Draft = Record<Field, string>

// Hints show the legal limits; the server enforces them (SPEC §0.6) and its
// 400 message, which names the field, is shown as is.
// Labels and hints: `compliance.fields.<key>` in the admin translations.
const FIELDS: { key: Field; money?: boolean; optional?: boolean }[] = [
  { key: "max_commission_levels" },
  { key: "max_team_condition_depth" },
  { key: "lottery_prize_cap", money: true },
  { key: "blind_box_price_cap", money: true },
  { key: "blind_box_min_age" },
  { key: "guardian_consent_below_age" },
  { key: "blind_box_daily_spend_limit", money: true, optional: true },
]

const toDraft = (s: ComplianceSettings): Draft =>
  Object.fromEntries(FIELDS.map(({ key }) => [key, s[key] === null ? "" : String(s[key])])) as Draft

/** Only changed fields are sent; text that is not a number is sent as typed so the server names it. */
function toPatch(draft: Draft, saved: ComplianceSettings) {
  const patch: Record<string, unknown> = {}
  for (const { key, optional } of FIELDS) {
    const text = draft[key].trim()
    const before = saved[key] === null ? "" : String(saved[key])
    if (text === before) continue
    if (optional && text === "") patch[key] = null
    else patch[key] = text !== "" && !Number.isNaN(Number(text)) ? Number(text) : text
  }
  return patch
}

const QUERY_KEY = ["fission", "compliance"]

const ComplianceSettingsPage = () => {
  const { t } = useTranslation("fission-core")
  const queryClient = useQueryClient()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const { data, isLoading, isError, error } = useQuery({
    queryKey: QUERY_KEY,
    queryFn: () => sdk.client.fetch<{ compliance: ComplianceSettings }>("/admin/fission/compliance"),
  })
  const [draft, setDraft] = useState<Draft | null>(null)
  useEffect(() => {
    if (data) setDraft(toDraft(data.compliance))
  }, [data])

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch<{ compliance: ComplianceSettings }>("/admin/fission/compliance", { method: "POST", body }),
    onSuccess: (result) => {
      queryClient.setQueryData(QUERY_KEY, result)
      setErrors({})
      toast.success(t("compliance.saved"))
    },
    // The 400 names the field: show it under that field.
    onError: (err: Error) => {
      const byField = fieldErrors(err, FIELDS.map((f) => f.key))
      setErrors(byField)
      toast.error(err.message)
    },
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!draft || !data) return
    const patch = toPatch(draft, data.compliance)
    if (!Object.keys(patch).length) {
      toast.info(t("compliance.nothingToSave"))
      return
    }
    save.mutate(patch)
  }

  return (
    <Card level="h1" title={t("compliance.title")} subtitle={t("compliance.subtitle")} loading={isLoading} error={isError ? error : null}>
      {draft && (
        <FieldErrorsProvider errors={errors}>
          <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4">
            {FIELDS.map(({ key, money }) => (
              <SettingRow key={key} name={key} label={t(`compliance.fields.${key}.label`)} hint={t(`compliance.fields.${key}.hint`)}>
                <Input
                  id={fieldId(key)}
                  name={key}
                  inputMode={money ? "decimal" : "numeric"}
                  value={draft[key]}
                  onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                />
              </SettingRow>
            ))}
            <div className="flex justify-end gap-x-2">
              <Button type="button" variant="secondary" size="small" onClick={() => data && setDraft(toDraft(data.compliance))}>
                {t("compliance.reset")}
              </Button>
              <Button type="submit" size="small" isLoading={save.isPending}>
                {t("compliance.save")}
              </Button>
            </div>
            <FormError />
          </form>
        </FieldErrorsProvider>
      )}
    </Card>
  )
}

export const config = defineRouteConfig({
  label: "nav.compliance", translationNs: "fission-core",
})

export default ComplianceSettingsPage

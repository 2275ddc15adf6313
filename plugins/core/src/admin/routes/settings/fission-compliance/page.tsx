import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Input, toast } from "@medusajs/ui"
import { FormEvent } from "react"
import { useTranslation } from "react-i18next"
import { Card, FieldErrorsProvider, fieldId, SaveRow, sdk, SettingRow, useSettingsForm } from "../../../../admin-kit"

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
  const { settings, query, draft, setDraft, errors, save, saving } = useSettingsForm<ComplianceSettings, Draft>({
    path: "/admin/fission/compliance",
    key: "compliance",
    queryKey: QUERY_KEY,
    toDraft,
    // The 400 names the field: show it under that field.
    fields: FIELDS.map((f) => f.key),
    saved: t("compliance.saved"),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!draft || !settings) return
    const patch = toPatch(draft, settings)
    if (!Object.keys(patch).length) {
      toast.info(t("compliance.nothingToSave"))
      return
    }
    save(patch)
  }

  return (
    <Card level="h1" title={t("compliance.title")} subtitle={t("compliance.subtitle")} loading={query.isLoading} error={query.isError ? query.error : null}>
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
            <SaveRow saving={saving} onReset={() => settings && setDraft(toDraft(settings))} />
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

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, Heading, Input, Label, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useEffect, useState } from "react"
import { sdk } from "../../../../admin-kit"

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
const FIELDS: { key: Field; label: string; hint: string; money?: boolean; optional?: boolean }[] = [
  {
    key: "max_commission_levels",
    label: "Commission levels",
    hint: "1 or 2. Money never flows more than 2 levels above the buyer: 3 levels of team pay is treated as pyramid selling in China.",
  },
  {
    key: "max_team_condition_depth",
    label: "Team condition depth",
    hint: "1 to 3. How deep rank conditions may count team members (e.g. 3×9×27).",
  },
  {
    key: "lottery_prize_cap",
    label: "Lottery prize cap",
    hint: "Up to 50,000 (Anti-Unfair-Competition Law cap for a single lottery-style prize).",
    money: true,
  },
  { key: "blind_box_price_cap", label: "Blind-box price cap", hint: "Up to 200 per open.", money: true },
  { key: "blind_box_min_age", label: "Blind-box minimum age", hint: "At least 8." },
  {
    key: "guardian_consent_below_age",
    label: "Guardian consent below age",
    hint: "At least 18 and not below the minimum age; younger buyers need recorded guardian consent.",
  },
  {
    key: "blind_box_daily_spend_limit",
    label: "Blind-box daily spend limit",
    hint: "Per customer and day. Leave empty for no limit.",
    money: true,
    optional: true,
  },
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
  const queryClient = useQueryClient()
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
      toast.success("Compliance settings saved")
    },
    onError: (err: Error) => toast.error(err.message),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!draft || !data) return
    const patch = toPatch(draft, data.compliance)
    if (!Object.keys(patch).length) {
      toast.info("Nothing to save")
      return
    }
    save.mutate(patch)
  }

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h1">Fission compliance</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Guardrails every Fission plugin enforces (SPEC §0.6). A fee to become a promoter or to rise in rank is never
          allowed and is not a setting.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{(error as Error).message}</Text>}
      {draft && (
        <form onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4">
          {FIELDS.map(({ key, label, hint, money }) => (
            <div key={key} className="grid grid-cols-2 items-start gap-x-4">
              <div>
                <Label htmlFor={`fission-compliance-${key}`} weight="plus">
                  {label}
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  {hint}
                </Text>
              </div>
              <Input
                id={`fission-compliance-${key}`}
                name={key}
                inputMode={money ? "decimal" : "numeric"}
                value={draft[key]}
                onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
              />
            </div>
          ))}
          <div className="flex justify-end gap-x-2">
            <Button
              type="button"
              variant="secondary"
              size="small"
              onClick={() => data && setDraft(toDraft(data.compliance))}
            >
              Reset
            </Button>
            <Button type="submit" size="small" isLoading={save.isPending}>
              Save
            </Button>
          </div>
        </form>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.compliance", translationNs: "fission-core",
})

export default ComplianceSettingsPage

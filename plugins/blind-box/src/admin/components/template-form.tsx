import { Button, Drawer, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { Economics, Template } from "../lib/blind-box"
import { sdk } from "@fission/core/admin-kit"

const FIELDS: { key: string; label: string; integer?: boolean }[] = [
  { key: "prize_value", label: "Prize value" },
  { key: "prize_cost", label: "Prize cost (for the preview)" },
  { key: "boxes", label: "Boxes", integer: true },
  { key: "no_win_opens", label: "No-win opens (first N never win)", integer: true },
  { key: "initiation_cash", label: "Initiation price: cash" },
  { key: "initiation_vouchers", label: "Initiation price: vouchers" },
  { key: "open_price", label: "Open price" },
  { key: "initiator_share", label: "Initiator share per open" },
  { key: "winner_vouchers", label: "Winner's vouchers instead of the product" },
  { key: "consolation_vouchers", label: "Consolation vouchers per losing open" },
  { key: "seed_gift_vouchers", label: "Seed-user gift (vouchers)" },
  { key: "seed_gift_limit", label: "Seed-user gift: first N customers", integer: true },
  { key: "referrer_reward_initiation", label: "Initiator's referrer reward" },
  { key: "leader_reward_initiation", label: "Team leader reward" },
  { key: "referrer_reward_open", label: "Opener's referrer reward per open" },
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
  const body: Record<string, unknown> = {}
  for (const k of ECONOMIC) if (values[k] !== "") body[k] = FIELDS.find((f) => f.key === k)?.integer ? Number(values[k]) : values[k]
  const { data, error } = useQuery({
    queryKey: ["fission-blind-box-preview", JSON.stringify(body)],
    queryFn: () => sdk.client.fetch<{ economics: Economics }>("/admin/fission/blind-box-templates/preview", { method: "POST", body }),
    retry: false,
  })
  if (error) return <Text size="small" className="text-ui-fg-error">{(error as any).message}</Text>
  const e = data?.economics
  if (!e) return null
  return (
    <div className="bg-ui-bg-subtle rounded-md p-3 text-sm flex flex-col gap-y-1">
      <Text weight="plus">Economics preview</Text>
      <Text size="small">Prize lies uniformly in opens {e.prize_range.min}…{e.prize_range.max}; expected opens {e.expected_opens}</Text>
      <Text size="small">Initiator income {e.initiator_income.min} … {e.initiator_income.max} (gross {e.initiator_gross.min} … {e.initiator_gross.max})</Text>
      <Text size="small">Platform margin per campaign {e.platform_margin.min} … {e.platform_margin.max} (keeps {e.platform_per_open} per open, pays {e.initiation_rewards} referral rewards per campaign)</Text>
    </div>
  )
}

/** Create or edit a template; a frozen template (campaigns started) only changes title and status. */
export function TemplateForm({ template, onDone }: { template?: Template; onDone: () => void }) {
  const [title, setTitle] = useState(template?.title ?? "")
  const [variant, setVariant] = useState(template?.prize.variant_id ?? "")
  const [currency, setCurrency] = useState(template?.currency_code ?? "cny")
  const [status, setStatus] = useState<string>(template?.status ?? "draft")
  const [values, setValues] = useState<Record<string, string>>(template ? fromTemplate(template) : SEED)
  const frozen = !!template?.frozen
  const save = useMutation({
    mutationFn: () => {
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
      return sdk.client.fetch(`/admin/fission/blind-box-templates${template ? `/${template.id}` : ""}`, { method: "POST", body })
    },
    onSuccess: () => {
      toast.success("Template saved")
      onDone()
    },
    onError: (e: any) => toast.error(e.message),
  })
  return (
    <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
      {frozen && <Text size="small" className="text-ui-fg-subtle">Campaigns started: the disclosed terms are frozen (SPEC §0.6).</Text>}
      <div><Label>Title</Label><Input value={title} onChange={(e) => setTitle(e.target.value)} /></div>
      <div><Label>Prize variant id</Label><Input value={variant} disabled={frozen} onChange={(e) => setVariant(e.target.value)} /></div>
      <div><Label>Currency</Label><Input value={currency} disabled={frozen} onChange={(e) => setCurrency(e.target.value)} /></div>
      <div>
        <Label>Status</Label>
        <Select value={status} onValueChange={setStatus}>
          <Select.Trigger><Select.Value /></Select.Trigger>
          <Select.Content>
            <Select.Item value="draft">Draft</Select.Item>
            <Select.Item value="active">Active</Select.Item>
            <Select.Item value="archived">Archived</Select.Item>
          </Select.Content>
        </Select>
      </div>
      <div className="grid grid-cols-2 gap-3">
        {FIELDS.map((f) => (
          <div key={f.key}>
            <Label size="small">{f.label}</Label>
            <Input size="small" value={values[f.key]} disabled={frozen} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} />
          </div>
        ))}
      </div>
      <Preview values={values} />
      <Button onClick={() => save.mutate()} isLoading={save.isPending}>Save</Button>
    </Drawer.Body>
  )
}

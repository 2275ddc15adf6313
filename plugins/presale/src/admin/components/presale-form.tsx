import { Button, Drawer, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { sdk } from "@fission/core/admin-kit"

const DAY = 86_400_000
const field = (label: string, node: React.ReactNode, hint?: string) => (
  <div className="flex flex-col gap-y-1">
    <Label size="small">{label}</Label>
    {node}
    {hint && <Text size="xsmall" className="text-ui-fg-subtle">{hint}</Text>}
  </div>
)

/** Create a pre-sale (rules validated by the API; frozen once a participant has paid). */
export function PresaleFormDrawer({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const [v, setV] = useState<Record<string, string>>({
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
  const [saving, setSaving] = useState(false)
  const set = (k: string) => (e: any) => setV({ ...v, [k]: typeof e === "string" ? e : e.target.value })
  const int = (s: string) => (s.trim() === "" ? null : Number(s))
  const save = async () => {
    setSaving(true)
    try {
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
      toast.success("Pre-sale created")
      onSaved()
    } catch (e: any) {
      toast.error(e?.message ?? "Could not save")
    } finally {
      setSaving(false)
    }
  }
  const select = (k: string, options: string[]) => (
    <Select size="small" value={v[k]} onValueChange={set(k)}>
      <Select.Trigger>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((o) => (
          <Select.Item key={o} value={o}>
            {o}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>New pre-sale</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-3 overflow-y-auto">
          {field("Title", <Input size="small" value={v.title} onChange={set("title")} />)}
          {field("Variant id", <Input size="small" value={v.variant_id} onChange={set("variant_id")} />, "The product variant sold (e.g. 10 jin of navel oranges)")}
          {field("Currency", <Input size="small" value={v.currency_code} onChange={set("currency_code")} />)}
          {field("Base price", <Input size="small" type="number" value={v.base_price} onChange={set("base_price")} />)}
          {field("Rebate step", <Input size="small" type="number" value={v.step_amount} onChange={set("step_amount")} />, "Refunded to every participant each time a threshold is crossed")}
          {field("Participants per step", <Input size="small" type="number" value={v.step_interval} onChange={set("step_interval")} />)}
          {field("Maximum steps", <Input size="small" type="number" value={v.max_steps} onChange={set("max_steps")} />)}
          {field("Free order every", <Input size="small" type="number" value={v.free_interval} onChange={set("free_interval")} />, "Empty for no free orders")}
          {field("Minimum participants", <Input size="small" type="number" value={v.min_participants} onChange={set("min_participants")} />, "Below it at the end, everyone is refunded in full")}
          {field("Maximum participants", <Input size="small" type="number" value={v.max_participants} onChange={set("max_participants")} />)}
          {field("Ends at", <Input size="small" type="datetime-local" value={v.ends_at} onChange={set("ends_at")} />)}
          {field("Shipping date", <Input size="small" type="datetime-local" value={v.shipping_date} onChange={set("shipping_date")} />)}
          {field("Refund destination", select("refund_destination", ["original_payment", "store_credit"]))}
          {field("Refund timing", select("refund_timing", ["each_step", "at_close"]), "each_step: one step refund per threshold; at_close: one refund per participant at the close")}
          {field("Status", select("status", ["active", "draft"]))}
        </Drawer.Body>
        <Drawer.Footer>
          <Button size="small" variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button size="small" isLoading={saving} onClick={save}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

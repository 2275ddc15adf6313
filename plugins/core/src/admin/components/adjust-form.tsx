import { Button, Drawer, Input, Label, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { FormEvent, ReactNode, useRef, useState } from "react"
import {
  ADJUSTABLE_ASSETS,
  assetLabel,
  DEFAULT_CURRENCY,
  errorMessage,
  formatAmount,
  isLotAsset,
  isMoneyAsset,
  ledgerKeys,
  newIdempotencyKey,
} from "../lib/ledger"
import { sdk } from "../../admin-kit"

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-ui-fg-muted">{children}</span>
}

/** `YYYY-MM-DD` of tomorrow in the admin's time zone: the earliest expiry the server accepts. */
const tomorrow = () => {
  const d = new Date(Date.now() + 86_400_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

/** The last second of a local calendar day, as the ISO date-time the API takes. */
const endOfLocalDay = (day: string) => new Date(`${day}T23:59:59`).toISOString()

type AdjustmentResponse = {
  adjustment: { posting_id: string; amount: number; asset: string; replayed: boolean; expires_at: string | null }
}

/** Mounted fresh each time the drawer opens, so each opened form has its own idempotency key. */
export function AdjustForm({ customerId, onDone }: { customerId: string; onDone: () => void }) {
  const queryClient = useQueryClient()
  // One key per opened form: a double click or a retry after a lost response adjusts once.
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [asset, setAsset] = useState<string>(ADJUSTABLE_ASSETS[0])
  const [currency, setCurrency] = useState(DEFAULT_CURRENCY)
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [note, setNote] = useState("")
  const [expiresOn, setExpiresOn] = useState("")
  const inFlight = useRef(false)
  const money = isMoneyAsset(asset)
  // only a credit opens a lot: a debit consumes existing lots, soonest-expiring first
  const canExpire = isLotAsset(asset) && !amount.trim().startsWith("-")

  const { mutate, isPending } = useMutation({
    mutationFn: () =>
      sdk.client.fetch<AdjustmentResponse>("/admin/fission/ledger/adjustments", {
        method: "POST",
        body: {
          customer_id: customerId,
          asset,
          currency_code: money ? currency.trim() : undefined,
          amount: amount.trim(),
          reason: reason.trim(),
          note: note.trim() || undefined,
          expires_at: canExpire && expiresOn ? endOfLocalDay(expiresOn) : undefined,
          idempotency_key: idempotencyKey,
        },
      }),
    onSuccess: ({ adjustment }) => {
      toast.success(adjustment.replayed ? "Adjustment already recorded" : "Balance adjusted", {
        description: `${assetLabel(adjustment.asset)} ${formatAmount(adjustment.amount, adjustment.asset, { signed: true })}`,
      })
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all })
      onDone()
    },
    // The server's 400 names the field (amount, reason, currency_code…).
    onError: (e) => toast.error("Adjustment failed", { description: errorMessage(e) }),
    onSettled: () => {
      inFlight.current = false
    },
  })

  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (inFlight.current) return
    inFlight.current = true
    mutate()
  }

  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="ledger-asset">
            Asset
          </Label>
          <Select value={asset} onValueChange={setAsset}>
            <Select.Trigger id="ledger-asset">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {ADJUSTABLE_ASSETS.map((a) => (
                <Select.Item key={a} value={a}>
                  {assetLabel(a)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        {money && (
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus" htmlFor="ledger-currency">
              Currency
            </Label>
            <Input id="ledger-currency" value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} />
          </div>
        )}
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="ledger-amount">
            Amount
          </Label>
          <Input
            id="ledger-amount"
            inputMode="decimal"
            placeholder="e.g. 100 or -25.50"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Positive credits the customer, negative debits. Posted against the platform adjustments account.
          </Text>
        </div>
        {canExpire && (
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus" htmlFor="ledger-expires">
              Expires on <Muted>(optional)</Muted>
            </Label>
            <Input id="ledger-expires" type="date" min={tomorrow()} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
            <Text size="xsmall" className="text-ui-fg-subtle">
              These {assetLabel(asset).toLowerCase()} expire at the end of that day; leave empty for never.
            </Text>
          </div>
        )}
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="ledger-reason">
            Reason
          </Label>
          <Input
            id="ledger-reason"
            placeholder="Why this correction (shown in the history)"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus" htmlFor="ledger-note">
            Note <Muted>(optional)</Muted>
          </Label>
          <Textarea id="ledger-note" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={isPending} disabled={!amount.trim() || !reason.trim()}>
          Adjust
        </Button>
      </Drawer.Footer>
    </form>
  )
}

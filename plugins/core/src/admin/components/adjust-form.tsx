import { Input, Select, Textarea, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Field, fieldId, FormDrawer, sdk } from "../../admin-kit"
import { ADJUSTABLE_ASSETS, assetLabel, DEFAULT_CURRENCY, formatAmount, isLotAsset, isMoneyAsset, ledgerKeys, newIdempotencyKey } from "../lib/ledger"

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

const FIELDS = ["asset", "currency_code", "amount", "reason", "note", "expires_at"] as const

/**
 * The manual adjustment drawer. Mount it fresh for each opening (the widget does), so each
 * opened form has its own idempotency key: a double click or a retry after a lost response
 * adjusts once. The server's 400 names the field; it is shown under that field.
 */
export function AdjustDrawer({ customerId, email, onClose }: { customerId: string; email?: string | null; onClose: () => void }) {
  const { t } = useTranslation("fission-core")
  const queryClient = useQueryClient()
  const [idempotencyKey] = useState(newIdempotencyKey)
  const [asset, setAsset] = useState<string>(ADJUSTABLE_ASSETS[0])
  const [currency, setCurrency] = useState(DEFAULT_CURRENCY)
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [note, setNote] = useState("")
  const [expiresOn, setExpiresOn] = useState("")
  const money = isMoneyAsset(asset)
  // only a credit opens a lot: a debit consumes existing lots, soonest-expiring first
  const canExpire = isLotAsset(asset) && !amount.trim().startsWith("-")

  const submit = async () => {
    const { adjustment } = await sdk.client.fetch<AdjustmentResponse>("/admin/fission/ledger/adjustments", {
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
    })
    toast.success(adjustment.replayed ? t("adjust.replayed") : t("adjust.done"), {
      description: `${assetLabel(adjustment.asset, t)} ${formatAmount(adjustment.amount, adjustment.asset, { signed: true })}`,
    })
    await queryClient.invalidateQueries({ queryKey: ledgerKeys.all })
  }

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("adjust.title")}
      description={t("adjust.description", { email: email ?? customerId })}
      submitLabel={t("adjust.submit")}
      disabled={!amount.trim() || !reason.trim()}
      fields={FIELDS}
      onSubmit={submit}
    >
      <Field name="asset" label={t("ledger.asset")}>
        <Select value={asset} onValueChange={setAsset}>
          <Select.Trigger id={fieldId("asset")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {ADJUSTABLE_ASSETS.map((a) => (
              <Select.Item key={a} value={a}>
                {assetLabel(a, t)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {money && (
        <Field name="currency_code" label={t("adjust.currency")}>
          <Input id={fieldId("currency_code")} value={currency} maxLength={3} onChange={(e) => setCurrency(e.target.value)} />
        </Field>
      )}
      <Field name="amount" label={t("adjust.amount")} hint={t("adjust.amountHint")}>
        <Input id={fieldId("amount")} inputMode="decimal" placeholder={t("adjust.amountPlaceholder")} value={amount} onChange={(e) => setAmount(e.target.value)} />
      </Field>
      {canExpire && (
        <Field name="expires_at" label={t("adjust.expiresOn")} hint={t("adjust.expiresHint", { asset: assetLabel(asset, t) })}>
          <Input id={fieldId("expires_at")} type="date" min={tomorrow()} value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
        </Field>
      )}
      <Field name="reason" label={t("adjust.reason")}>
        <Input id={fieldId("reason")} placeholder={t("adjust.reasonPlaceholder")} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <Field name="note" label={t("adjust.note")}>
        <Textarea id={fieldId("note")} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </FormDrawer>
  )
}

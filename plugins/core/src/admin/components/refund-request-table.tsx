import { Badge, Button, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { createDataTableColumnHelper, errorMessage, StoreFormat } from "../../admin-kit"
import { RefundRequest, refundStatusColor, useRetryRefundRequest } from "../lib/refund-requests"

const col = createDataTableColumnHelper<RefundRequest>()

/** DataList columns for refund requests: cause, order, refund, status, attempts and last error, created, retry. */
export function useRefundColumns(f: StoreFormat, showOrder = true) {
  const { t } = useTranslation("fission-core")
  const retry = useRetryRefundRequest()
  const [busy, setBusy] = useState<string | null>(null)
  const onRetry = async (r: RefundRequest) => {
    setBusy(r.id)
    try {
      const after = await retry(r.id)
      if (after.status === "succeeded") toast.success(t("refunds.retrySucceeded", { id: after.id }))
      else toast.error(t("refunds.retryFailed", { id: after.id, error: after.last_error ?? t("refunds.unknownError") }))
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const amount = (v: number | null, currency: string) => (v === null ? t("refunds.everythingCaptured") : f.money(v, currency))
  return [
    col.accessor("cause_key", {
      header: t("refunds.cause"),
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-col">
          <span className="font-mono text-xs">{r.cause_key}</span>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {r.source_type} · {r.source_id}
          </Text>
        </div>
      ),
    }),
    ...(showOrder
      ? [
          col.accessor("order_id", {
            header: t("refunds.order"),
            cell: ({ getValue }) => (
              <Link className="text-ui-fg-interactive font-mono text-xs" to={`/orders/${getValue()}`}>
                {getValue()}
              </Link>
            ),
          }),
        ]
      : []),
    col.accessor("amount", {
      header: t("refunds.refund"),
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-col">
          <Text size="small">
            {r.mode === "cancel" ? t("refunds.cancelOrder") : amount(r.amount, r.currency_code)}
            {r.destination === "store_credit" ? ` → ${t("refunds.storeCredit")}` : ""}
          </Text>
          {r.status === "succeeded" && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("refunds.refunded", { amount: f.money(r.refunded_amount, r.currency_code), at: f.dateTime(r.succeeded_at) })}
            </Text>
          )}
        </div>
      ),
    }),
    col.accessor("status", {
      header: t("refunds.status"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={refundStatusColor(getValue())}>
          {t(`refundStatus.${getValue()}`)}
        </Badge>
      ),
    }),
    col.accessor("attempts", {
      header: t("refunds.attempts"),
      cell: ({ row: { original: r } }) => (
        <div className="flex flex-col">
          <Text size="xsmall">
            {t("refunds.attemptCount", { count: r.attempts })}
            {r.status === "failed" ? (r.next_attempt_at ? ` · ${t("refunds.nextAttempt", { at: f.dateTime(r.next_attempt_at) })}` : ` · ${t("refunds.noRetryLeft")}`) : ""}
          </Text>
          {r.last_error && r.status !== "succeeded" && (
            <Text size="xsmall" className="text-ui-fg-error max-w-[360px] break-words">
              {r.last_error}
            </Text>
          )}
        </div>
      ),
    }),
    col.accessor("created_at", { header: t("refunds.created"), cell: ({ getValue }) => f.dateTime(getValue()) }),
    col.display({
      id: "retry",
      cell: ({ row: { original: r } }) =>
        r.status === "failed" || r.status === "pending" ? (
          <Button size="small" variant="secondary" isLoading={busy === r.id} onClick={() => onRetry(r)}>
            {t("refunds.retry")}
          </Button>
        ) : null,
    }),
  ]
}

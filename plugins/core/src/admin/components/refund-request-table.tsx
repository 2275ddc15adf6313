import { Badge, Button, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage, money, RefundRequest, refundStatusColor, useRetryRefundRequest, when } from "../lib/refund-requests"

function Attempts({ r }: { r: RefundRequest }) {
  return (
    <div className="flex flex-col">
      <Text size="xsmall">
        {r.attempts} attempt{r.attempts === 1 ? "" : "s"}
        {r.status === "failed" ? (r.next_attempt_at ? ` · next ${when(r.next_attempt_at)}` : " · no automatic retry left") : ""}
      </Text>
      {r.last_error && r.status !== "succeeded" && (
        <Text size="xsmall" className="text-ui-fg-error max-w-[360px] break-words">
          {r.last_error}
        </Text>
      )}
    </div>
  )
}

/** Refund requests with their status, attempts and last error, and a retry button for failed / pending ones. */
export function RefundRequestTable({ requests, showOrder = true }: { requests: RefundRequest[]; showOrder?: boolean }) {
  const retry = useRetryRefundRequest()
  const [busy, setBusy] = useState<string | null>(null)
  const onRetry = async (r: RefundRequest) => {
    setBusy(r.id)
    try {
      const after = await retry(r.id)
      if (after.status === "succeeded") toast.success(`Refund ${after.id} succeeded`)
      else toast.error(`Refund ${after.id} failed again: ${after.last_error ?? "unknown error"}`)
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  return (
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Cause</Table.HeaderCell>
          {showOrder && <Table.HeaderCell>Order</Table.HeaderCell>}
          <Table.HeaderCell>Refund</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell>Attempts</Table.HeaderCell>
          <Table.HeaderCell>Created</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {requests.map((r) => (
          <Table.Row key={r.id}>
            <Table.Cell>
              <div className="flex flex-col">
                <span className="font-mono text-xs">{r.cause_key}</span>
                <Text size="xsmall" className="text-ui-fg-subtle">
                  {r.source_type} · {r.source_id}
                </Text>
              </div>
            </Table.Cell>
            {showOrder && (
              <Table.Cell>
                <Link className="text-ui-fg-interactive font-mono text-xs" to={`/orders/${r.order_id}`}>
                  {r.order_id}
                </Link>
              </Table.Cell>
            )}
            <Table.Cell>
              <div className="flex flex-col">
                <Text size="small">
                  {r.mode === "cancel" ? "cancel order" : money(r.amount, r.currency_code)}
                  {r.destination === "store_credit" ? " → store credit" : ""}
                </Text>
                {r.status === "succeeded" && (
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    refunded {money(r.refunded_amount, r.currency_code)} · {when(r.succeeded_at)}
                  </Text>
                )}
              </div>
            </Table.Cell>
            <Table.Cell>
              <Badge size="2xsmall" color={refundStatusColor(r.status)}>
                {r.status}
              </Badge>
            </Table.Cell>
            <Table.Cell>
              <Attempts r={r} />
            </Table.Cell>
            <Table.Cell>{when(r.created_at)}</Table.Cell>
            <Table.Cell>
              {(r.status === "failed" || r.status === "pending") && (
                <Button size="small" variant="secondary" isLoading={busy === r.id} onClick={() => onRetry(r)}>
                  Retry
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

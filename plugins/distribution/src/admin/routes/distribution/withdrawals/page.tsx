import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { CustomerLink } from "../../../components/customer-link"
import { ALL, FilterSelect } from "../../../components/filter-select"
import { SectionHeader, Stat, TableNote } from "../../../components/section"
import { TextPrompt, TextPromptDrawer } from "../../../components/text-prompt-drawer"
import {
  distKeys,
  errorMessage,
  money,
  when,
  Withdrawal,
  WithdrawalList,
  WITHDRAWAL_STATUS_COLOR,
  WITHDRAWAL_STATUSES,
} from "../../../lib/distribution"
import { sdk } from "../../../lib/sdk"
import { useCustomerCards } from "../../../lib/use-customers"
import { Pager } from "../../../components/pager"

const PAGE_SIZE = 20

/**
 * The withdrawal queue, oldest first: approve (the amount stays held), reject with a
 * reason (the amount becomes available again), mark an approved one paid with the
 * transfer reference.
 */
const WithdrawalsPage = () => {
  const queryClient = useQueryClient()
  const confirm = usePrompt()
  const [status, setStatus] = useState<string>("requested")
  const [pageIndex, setPageIndex] = useState(0)
  const [prompt, setPrompt] = useState<TextPrompt | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const query = { status: status === ALL ? undefined : status, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE }
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("withdrawals", query),
    queryFn: () => sdk.client.fetch<WithdrawalList>("/admin/fission/withdrawals", { query }),
    placeholderData: keepPreviousData,
  })
  const customers = useCustomerCards(data?.withdrawals.map((w) => w.customer_id) ?? [])
  const count = data?.count ?? 0
  const refresh = () => queryClient.invalidateQueries({ queryKey: distKeys.all })
  const currency = data?.withdrawals[0]?.currency_code

  const approve = async (w: Withdrawal) => {
    const ok = await confirm({
      title: "Approve withdrawal?",
      description: `Pay ${money(w.net_amount, w.currency_code)} to ${w.method}${w.account ? ` ${w.account}` : ""}, then mark it paid with the transfer reference.`,
      confirmText: "Approve",
      cancelText: "Cancel",
    })
    if (!ok) return
    setBusy(w.id)
    try {
      await sdk.client.fetch(`/admin/fission/withdrawals/${w.id}/approve`, { method: "POST", body: {} })
      toast.success("Withdrawal approved")
      refresh()
    } catch (e) {
      toast.error("Could not approve", { description: errorMessage(e) })
    } finally {
      setBusy(null)
    }
  }
  const reject = (w: Withdrawal) =>
    setPrompt({
      title: "Reject withdrawal",
      description: `${money(w.amount, w.currency_code)} becomes available to the promoter again.`,
      label: "Reason",
      placeholder: "e.g. account name does not match",
      required: true,
      multiline: true,
      submitLabel: "Reject",
      destructive: true,
      onSubmit: async (reason) => {
        await sdk.client.fetch(`/admin/fission/withdrawals/${w.id}/reject`, { method: "POST", body: { reason } })
        toast.success("Withdrawal rejected")
        refresh()
      },
    })
  const markPaid = (w: Withdrawal) =>
    setPrompt({
      title: "Mark withdrawal paid",
      description: `Record the transfer of ${money(w.net_amount, w.currency_code)} to ${w.method}${w.account ? ` ${w.account}` : ""}.`,
      label: "Transfer reference",
      placeholder: "bank / Alipay / WeChat transaction id",
      required: true,
      submitLabel: "Mark paid",
      onSubmit: async (reference) => {
        await sdk.client.fetch(`/admin/fission/withdrawals/${w.id}/mark-paid`, { method: "POST", body: { reference } })
        toast.success("Withdrawal marked paid")
        refresh()
      },
    })

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Withdrawals"
        subtitle="Promoters' requests to cash out available commission, oldest first."
        actions={
          <FilterSelect
            value={status}
            onChange={(v) => {
              setStatus(v)
              setPageIndex(0)
            }}
            allLabel="All statuses"
            options={WITHDRAWAL_STATUSES.map((s) => ({ value: s, label: s }))}
          />
        }
      />
      {data && (
        <div className="flex flex-wrap gap-3 px-6 py-4">
          <Stat label="Requests" value={data.totals.count} />
          <Stat label="Amount" value={money(data.totals.amount, currency)} />
          <Stat label="Fees" value={money(data.totals.fee, currency)} />
          <Stat label="To pay out" value={money(data.totals.net_amount, currency)} />
        </div>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Requested</Table.HeaderCell>
            <Table.HeaderCell>Promoter</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Fee</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Net</Table.HeaderCell>
            <Table.HeaderCell>Method</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Reference / reason</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.withdrawals.map((w) => (
            <Table.Row key={w.id}>
              <Table.Cell className="whitespace-nowrap">{when(w.created_at)}</Table.Cell>
              <Table.Cell>
                <CustomerLink customer={customers.get(w.customer_id) ?? { id: w.customer_id }} />
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">{money(w.amount, w.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">{money(w.fee, w.currency_code)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums font-medium">{money(w.net_amount, w.currency_code)}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-col">
                  <span>{w.method}</span>
                  {w.account && <span className="txt-compact-xsmall text-ui-fg-subtle">{w.account}</span>}
                </div>
              </Table.Cell>
              <Table.Cell>
                <StatusBadge color={WITHDRAWAL_STATUS_COLOR[w.status]}>{w.status}</StatusBadge>
              </Table.Cell>
              <Table.Cell className="max-w-[200px]">
                <Text size="small" className="truncate" title={w.reference ?? w.review_reason ?? undefined}>
                  {w.reference ?? w.review_reason ?? <span className="text-ui-fg-muted">–</span>}
                </Text>
              </Table.Cell>
              <Table.Cell>
                <div className="flex justify-end gap-x-2">
                  {(w.status === "requested" || w.status === "approved") && (
                    <Button size="small" variant="secondary" onClick={() => reject(w)}>
                      Reject
                    </Button>
                  )}
                  {w.status === "requested" && (
                    <Button size="small" onClick={() => approve(w)} isLoading={busy === w.id}>
                      Approve
                    </Button>
                  )}
                  {w.status === "approved" && (
                    <Button size="small" onClick={() => markPaid(w)}>
                      Mark paid
                    </Button>
                  )}
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableNote
        loading={isLoading}
        error={isError ? errorMessage(error) : null}
        empty={!!data && !data.withdrawals.length}
        emptyText={status === "requested" ? "No withdrawals are waiting for review." : "No withdrawals match."}
      />
      <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      <TextPromptDrawer prompt={prompt} onClose={() => setPrompt(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Withdrawals", rank: 5 })

export default WithdrawalsPage

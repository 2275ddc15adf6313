import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Drawer, Heading, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { AdjustForm } from "../components/adjust-form"
import {
  assetLabel,
  currencyLabel,
  errorMessage,
  formatAmount,
  HISTORY_ASSETS,
  HistoryPage,
  ledgerKeys,
  LedgerPosting,
  Wallet,
  when,
} from "../lib/ledger"
import { sdk } from "../../admin-kit"

const HISTORY_PAGE = 10
const ALL = "all" // Radix Select items cannot have an empty value

const shortWhen = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "short" })

const STATUS_COLOR = { posted: "green", pending: "orange", voided: "grey" } as const

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-ui-fg-muted">{children}</span>
}

function Balances({ wallet }: { wallet: Wallet }) {
  const showDebt = wallet.balances.some((b) => b.debt > 0)
  return (
    <div className="flex flex-col">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Asset</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Available</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Pending in</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Pending out</Table.HeaderCell>
            {showDebt && <Table.HeaderCell className="text-right">Debt</Table.HeaderCell>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {wallet.balances.map((b) => (
            <Table.Row key={`${b.asset}:${b.currency_code ?? "-"}`}>
              <Table.Cell>
                {assetLabel(b.asset)} {b.currency_code && <Muted>{currencyLabel(b.currency_code)}</Muted>}
              </Table.Cell>
              <Table.Cell className="text-right font-medium tabular-nums">{formatAmount(b.available, b.asset)}</Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {b.pending_in ? formatAmount(b.pending_in, b.asset) : <Muted>–</Muted>}
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {b.pending_out ? formatAmount(b.pending_out, b.asset) : <Muted>–</Muted>}
              </Table.Cell>
              {showDebt && (
                <Table.Cell className="text-right tabular-nums">
                  {b.debt > 0 ? (
                    <span className="text-ui-fg-error">{formatAmount(b.debt, b.asset)}</span>
                  ) : (
                    <Muted>–</Muted>
                  )}
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 px-6 py-3">
        <Text size="small" weight="plus">
          Store credit
        </Text>
        {wallet.store_credit.length ? (
          wallet.store_credit.map((a) => (
            <Text key={a.account_id} size="small" className="tabular-nums">
              {formatAmount(a.balance, "store_credit")} {currencyLabel(a.currency_code)}
            </Text>
          ))
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            no store-credit account
          </Text>
        )}
      </div>
    </div>
  )
}

function PostingRow({ p }: { p: LedgerPosting }) {
  const source = p.source_type ? `${p.source_type}${p.source_id ? ` · ${p.source_id}` : ""}` : null
  // Manual adjustments carry the admin's reason in the note ("reason: note").
  const what = [p.reason, p.note].filter(Boolean).join(" · ")
  const where = [source, p.expires_at && `expires ${when(p.expires_at)}`].filter(Boolean).join(" · ")
  return (
    <Table.Row>
      <Table.Cell className="whitespace-nowrap">{shortWhen(p.created_at)}</Table.Cell>
      <Table.Cell className="truncate">
        {assetLabel(p.asset)} {p.currency_code && <Muted>{currencyLabel(p.currency_code)}</Muted>}
      </Table.Cell>
      <Table.Cell className={`text-right tabular-nums ${p.amount < 0 ? "text-ui-fg-error" : ""}`}>
        {formatAmount(p.amount, p.asset, { signed: true })}
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={STATUS_COLOR[p.status] ?? "grey"}>{p.status}</StatusBadge>
      </Table.Cell>
      <Table.Cell title={[what, where].filter(Boolean).join("\n")}>
        <div className="flex flex-col py-1">
          <span className="truncate">
            {what}
            {p.account !== "main" && <Muted> ({p.account})</Muted>}
            {p.reverses_posting_id && <Muted> · reversal</Muted>}
          </span>
          {where && <span className="txt-compact-xsmall text-ui-fg-subtle truncate">{where}</span>}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

function History({ customerId }: { customerId: string }) {
  const [asset, setAsset] = useState<string>(ALL)
  const { data, isLoading, isError, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery({
    queryKey: ledgerKeys.history(customerId, asset),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      sdk.client.fetch<HistoryPage>(`/admin/fission/ledger/customers/${customerId}/history`, {
        query: { asset: asset === ALL ? undefined : asset, limit: HISTORY_PAGE, cursor: pageParam },
      }),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const postings = data?.pages.flatMap((p) => p.postings) ?? []

  return (
    <div className="flex flex-col">
      <div className="flex items-center justify-between gap-x-4 px-6 py-4">
        <Heading level="h3">History</Heading>
        <div className="w-[200px]">
          <Select size="small" value={asset} onValueChange={setAsset}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL}>All assets</Select.Item>
              {HISTORY_ASSETS.map((a) => (
                <Select.Item key={a} value={a}>
                  {assetLabel(a)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {postings.length > 0 && (
        // Fixed layout so long reasons and source ids truncate instead of widening the card.
        <Table className="table-fixed">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-[160px]">Date</Table.HeaderCell>
              <Table.HeaderCell className="w-[145px]">Asset</Table.HeaderCell>
              <Table.HeaderCell className="w-[90px] text-right">Amount</Table.HeaderCell>
              <Table.HeaderCell className="w-[95px]">Status</Table.HeaderCell>
              <Table.HeaderCell>Reason</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {postings.map((p) => (
              <PostingRow key={p.id} p={p} />
            ))}
          </Table.Body>
        </Table>
      )}
      {(isLoading || isError || postings.length === 0) && (
        <div className="px-6 pb-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? "Loading…" : isError ? errorMessage(error) : "Nothing yet."}
          </Text>
        </div>
      )}
      {hasNextPage && (
        <div className="flex justify-center px-6 py-3">
          <Button size="small" variant="transparent" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
            Load more
          </Button>
        </div>
      )}
    </div>
  )
}

const CustomerFissionWalletWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const [adjusting, setAdjusting] = useState(false)
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ledgerKeys.wallet(customer.id),
    queryFn: () => sdk.client.fetch<{ wallet: Wallet }>(`/admin/fission/ledger/customers/${customer.id}/balances`),
  })

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-col">
          <Heading level="h2">Rewards wallet</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Ledger balances of every reward asset
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setAdjusting(true)}>
          Adjust balance
        </Button>
      </div>
      {data ? (
        <Balances wallet={data.wallet} />
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? "Loading…" : errorMessage(error)}
          </Text>
        </div>
      )}
      <History customerId={customer.id} />
      <Drawer open={adjusting} onOpenChange={setAdjusting}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>Adjust balance</Drawer.Title>
            <Drawer.Description className="txt-small text-ui-fg-subtle">
              Manual correction for {customer.email}; the reason is recorded with the posting.
            </Drawer.Description>
          </Drawer.Header>
          {adjusting && <AdjustForm customerId={customer.id} onDone={() => setAdjusting(false)} />}
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerFissionWalletWidget

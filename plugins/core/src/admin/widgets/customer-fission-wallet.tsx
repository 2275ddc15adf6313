import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, StatusBadge, Table, Text } from "@medusajs/ui"
import { useInfiniteQuery, useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { useTranslation } from "react-i18next"
import { AdjustDrawer } from "../components/adjust-form"
import {
  assetLabel,
  reasonLabel,
  currencyLabel,
  formatAmount,
  HISTORY_ASSETS,
  HistoryPage,
  ledgerKeys,
  LedgerPosting,
  Wallet,
} from "../lib/ledger"
import { Card, CardHeader, errorMessage, sdk, SelectInput, StoreFormat, useStoreFormat } from "../../admin-kit"

const HISTORY_PAGE = 10
const ALL = "all" // Radix Select items cannot have an empty value

const STATUS_COLOR = { posted: "green", pending: "orange", voided: "grey" } as const

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-ui-fg-muted">{children}</span>
}

function Balances({ wallet }: { wallet: Wallet }) {
  const { t } = useTranslation("fission-core")
  const showDebt = wallet.balances.some((b) => b.debt > 0)
  return (
    <div className="flex flex-col">
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{t("ledger.asset")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("wallet.available")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("ledger.pendingIn")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{t("ledger.pendingOut")}</Table.HeaderCell>
            {showDebt && <Table.HeaderCell className="text-right">{t("wallet.debt")}</Table.HeaderCell>}
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {wallet.balances.map((b) => (
            <Table.Row key={`${b.asset}:${b.currency_code ?? "-"}`}>
              <Table.Cell>
                {assetLabel(b.asset, t)} {b.currency_code && <Muted>{currencyLabel(b.currency_code)}</Muted>}
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
          {t("asset.store_credit")}
        </Text>
        {wallet.store_credit.length ? (
          wallet.store_credit.map((a) => (
            <Text key={a.account_id} size="small" className="tabular-nums">
              {formatAmount(a.balance, "store_credit")} {currencyLabel(a.currency_code)}
            </Text>
          ))
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            {t("wallet.noStoreCredit")}
          </Text>
        )}
      </div>
    </div>
  )
}

function PostingRow({ p, f }: { p: LedgerPosting; f: StoreFormat }) {
  const { t } = useTranslation("fission-core")
  const source = p.source_type ? `${p.source_type}${p.source_id ? ` · ${p.source_id}` : ""}` : null
  // Manual adjustments carry the admin's reason in the note ("reason: note").
  const what = [p.reason && reasonLabel(p.reason, t), p.note].filter(Boolean).join(" · ")
  const where = [source, p.expires_at && t("wallet.expires", { at: f.dateTime(p.expires_at) })].filter(Boolean).join(" · ")
  return (
    <Table.Row>
      <Table.Cell className="whitespace-nowrap">{f.dateTime(p.created_at)}</Table.Cell>
      <Table.Cell className="truncate">
        {assetLabel(p.asset, t)} {p.currency_code && <Muted>{currencyLabel(p.currency_code)}</Muted>}
      </Table.Cell>
      <Table.Cell className={`text-right tabular-nums ${p.amount < 0 ? "text-ui-fg-error" : ""}`}>
        {formatAmount(p.amount, p.asset, { signed: true })}
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={STATUS_COLOR[p.status] ?? "grey"}>{t(`postingStatus.${p.status}`)}</StatusBadge>
      </Table.Cell>
      <Table.Cell title={[what, where].filter(Boolean).join("\n")}>
        <div className="flex flex-col py-1">
          <span className="truncate">
            {what}
            {p.account !== "main" && <Muted> ({p.account})</Muted>}
            {p.reverses_posting_id && <Muted> · {t("wallet.reversal")}</Muted>}
          </span>
          {where && <span className="txt-compact-xsmall text-ui-fg-subtle truncate">{where}</span>}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

function History({ customerId }: { customerId: string }) {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
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
      <CardHeader
        level="h3"
        title={t("wallet.history")}
        actions={
          <SelectInput
            className="w-[200px]"
            value={asset}
            onValueChange={setAsset}
            options={[{ value: ALL, label: t("wallet.allAssets") }, ...HISTORY_ASSETS.map((a) => ({ value: a, label: assetLabel(a, t) }))]}
          />
        }
      />
      {postings.length > 0 && (
        // Fixed layout so long reasons and source ids truncate instead of widening the card.
        <Table className="table-fixed">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-[160px]">{t("wallet.date")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[145px]">{t("ledger.asset")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[90px] text-right">{t("adjust.amount")}</Table.HeaderCell>
              <Table.HeaderCell className="w-[95px]">{t("refunds.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("adjust.reason")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {postings.map((p) => (
              <PostingRow key={p.id} p={p} f={f} />
            ))}
          </Table.Body>
        </Table>
      )}
      {(isLoading || isError || postings.length === 0) && (
        <div className="px-6 pb-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("common.loading") : isError ? errorMessage(error) : t("common.nothingYet")}
          </Text>
        </div>
      )}
      {hasNextPage && (
        <div className="flex justify-center px-6 py-3">
          <Button size="small" variant="transparent" isLoading={isFetchingNextPage} onClick={() => fetchNextPage()}>
            {t("wallet.loadMore")}
          </Button>
        </div>
      )}
    </div>
  )
}

const CustomerFissionWalletWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("fission-core")
  const [adjusting, setAdjusting] = useState(false)
  const { data, isLoading, isError, error } = useQuery({
    queryKey: ledgerKeys.wallet(customer.id),
    queryFn: () => sdk.client.fetch<{ wallet: Wallet }>(`/admin/fission/ledger/customers/${customer.id}/balances`),
  })

  return (
    <Card
      title={t("wallet.title")}
      subtitle={t("wallet.subtitle")}
      actions={
        <Button size="small" variant="secondary" onClick={() => setAdjusting(true)}>
          {t("adjust.title")}
        </Button>
      }
    >
      {data ? (
        <Balances wallet={data.wallet} />
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("common.loading") : errorMessage(error)}
          </Text>
        </div>
      )}
      <History customerId={customer.id} />
      {adjusting && <AdjustDrawer customerId={customer.id} email={customer.email} onClose={() => setAdjusting(false)} />}
    </Card>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
})

export default CustomerFissionWalletWidget

import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataList,
  errorMessage,
  PromptDrawer,
  sdk,
  TextPrompt,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, StatusBadge, Text, toast, usePrompt } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { CustomerLink } from "../../../components/customer-link"
import { Stat } from "../../../components/section"
import { distKeys, Withdrawal, WithdrawalList, WITHDRAWAL_STATUS_COLOR, WITHDRAWAL_STATUSES } from "../../../lib/distribution"
import { useCustomerCards } from "../../../lib/use-customers"

const col = createDataTableColumnHelper<Withdrawal>()
const filter = createDataTableFilterHelper<Withdrawal>()

/**
 * The withdrawal queue, oldest first: approve (the amount stays held), reject with a
 * reason (the amount becomes available again), mark an approved one paid with the
 * transfer reference.
 */
const WithdrawalsPage = () => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const confirm = usePrompt()
  const [prompt, setPrompt] = useState<TextPrompt | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const filters = useMemo(
    () => [
      filter.accessor("status", {
        type: "radio",
        label: t("withdrawals.status"),
        options: WITHDRAWAL_STATUSES.map((s) => ({ value: s, label: t(`withdrawalStatus.${s}`) })),
      }),
    ],
    [t]
  )
  const list = useServerList<Withdrawal, WithdrawalList>({
    path: "/admin/fission/withdrawals",
    rowsKey: "withdrawals",
    queryKey: distKeys.scope("withdrawals"),
    filters,
    initialFiltering: { status: "requested" },
  })
  const customers = useCustomerCards(list.rows.map((w) => w.customer_id))
  const refresh = () => queryClient.invalidateQueries({ queryKey: distKeys.all })
  const currency = list.rows[0]?.currency_code
  const to = (w: Withdrawal) => `${w.method}${w.account ? ` ${w.account}` : ""}`

  const approve = async (w: Withdrawal) => {
    const ok = await confirm({
      title: t("withdrawals.approveTitle"),
      description: t("withdrawals.approveDescription", { amount: f.money(w.net_amount, w.currency_code), to: to(w) }),
      confirmText: t("withdrawals.approve"),
      cancelText: t("common.cancel"),
    })
    if (!ok) return
    setBusy(w.id)
    try {
      await sdk.client.fetch(`/admin/fission/withdrawals/${w.id}/approve`, { method: "POST", body: {} })
      toast.success(t("withdrawals.approved"))
      refresh()
    } catch (e) {
      toast.error(t("withdrawals.approveFailed"), { description: errorMessage(e) })
    } finally {
      setBusy(null)
    }
  }
  const reject = (w: Withdrawal) =>
    setPrompt({
      title: t("withdrawals.rejectTitle"),
      description: t("withdrawals.rejectDescription", { amount: f.money(w.amount, w.currency_code) }),
      label: t("withdrawals.reason"),
      name: "reason",
      placeholder: t("withdrawals.reasonPlaceholder"),
      required: true,
      multiline: true,
      submitLabel: t("withdrawals.reject"),
      destructive: true,
      onSubmit: async (reason) => {
        await sdk.client.fetch(`/admin/fission/withdrawals/${w.id}/reject`, { method: "POST", body: { reason } })
        toast.success(t("withdrawals.rejected"))
        refresh()
      },
    })
  const markPaid = (w: Withdrawal) =>
    setPrompt({
      title: t("withdrawals.markPaidTitle"),
      description: t("withdrawals.markPaidDescription", { amount: f.money(w.net_amount, w.currency_code), to: to(w) }),
      label: t("withdrawals.reference"),
      name: "reference",
      placeholder: t("withdrawals.referencePlaceholder"),
      required: true,
      submitLabel: t("withdrawals.markPaid"),
      onSubmit: async (reference) => {
        await sdk.client.fetch(`/admin/fission/withdrawals/${w.id}/mark-paid`, { method: "POST", body: { reference } })
        toast.success(t("withdrawals.markedPaid"))
        refresh()
      },
    })

  const columns = [
    col.accessor("created_at", { header: t("withdrawals.requested"), cell: ({ getValue }) => <span className="whitespace-nowrap">{f.dateTime(getValue())}</span> }),
    col.accessor("customer_id", {
      header: t("withdrawals.promoter"),
      cell: ({ getValue }) => <CustomerLink customer={customers.get(getValue()) ?? { id: getValue() }} />,
    }),
    col.accessor("amount", { header: t("withdrawals.amount"), headerAlign: "right", cell: ({ row }) => <span className="tabular-nums">{f.money(row.original.amount, row.original.currency_code)}</span> }),
    col.accessor("fee", { header: t("withdrawals.fee"), headerAlign: "right", cell: ({ row }) => <span className="tabular-nums">{f.money(row.original.fee, row.original.currency_code)}</span> }),
    col.accessor("net_amount", {
      header: t("withdrawals.net"),
      headerAlign: "right",
      cell: ({ row }) => <span className="tabular-nums font-medium">{f.money(row.original.net_amount, row.original.currency_code)}</span>,
    }),
    col.accessor("method", {
      header: t("withdrawals.method"),
      cell: ({ row }) => (
        <div className="flex flex-col">
          <span>{row.original.method}</span>
          {row.original.account && <span className="txt-compact-xsmall text-ui-fg-subtle">{row.original.account}</span>}
        </div>
      ),
    }),
    col.accessor("status", {
      header: t("withdrawals.status"),
      cell: ({ getValue }) => <StatusBadge color={WITHDRAWAL_STATUS_COLOR[getValue()]}>{t(`withdrawalStatus.${getValue()}`)}</StatusBadge>,
    }),
    col.display({
      id: "reference",
      header: t("withdrawals.referenceOrReason"),
      cell: ({ row }) => {
        const text = row.original.reference ?? row.original.review_reason
        return (
          <Text size="small" className="max-w-[200px] truncate" title={text ?? undefined}>
            {text ?? <span className="text-ui-fg-muted">–</span>}
          </Text>
        )
      },
    }),
    col.display({
      id: "actions",
      cell: ({ row }) => {
        const w = row.original
        return (
          <div className="flex justify-end gap-x-2">
            {(w.status === "requested" || w.status === "approved") && (
              <Button size="small" variant="secondary" onClick={() => reject(w)}>
                {t("withdrawals.reject")}
              </Button>
            )}
            {w.status === "requested" && (
              <Button size="small" onClick={() => approve(w)} isLoading={busy === w.id}>
                {t("withdrawals.approve")}
              </Button>
            )}
            {w.status === "approved" && (
              <Button size="small" onClick={() => markPaid(w)}>
                {t("withdrawals.markPaid")}
              </Button>
            )}
          </div>
        )
      },
    }),
  ]

  return (
    <>
      <DataList
        list={list}
        columns={columns}
        title={t("withdrawals.title")}
        subtitle={t("withdrawals.subtitle")}
        empty={{ heading: t("withdrawals.empty") }}
      >
        {list.data && (
          <div className="flex flex-wrap gap-3 px-6 py-4">
            <Stat label={t("withdrawals.requests")} value={list.data.totals.count} />
            <Stat label={t("withdrawals.amount")} value={f.money(list.data.totals.amount, currency)} />
            <Stat label={t("withdrawals.fees")} value={f.money(list.data.totals.fee, currency)} />
            <Stat label={t("withdrawals.toPayOut")} value={f.money(list.data.totals.net_amount, currency)} />
          </div>
        )}
      </DataList>
      <PromptDrawer prompt={prompt} onClose={() => setPrompt(null)} />
    </>
  )
}

export const config = defineRouteConfig({ label: "nav.withdrawals", translationNs: "fission-distribution", rank: 5 })

export default WithdrawalsPage

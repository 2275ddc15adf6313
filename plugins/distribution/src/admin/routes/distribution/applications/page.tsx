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
import { distKeys, Promoter, PromoterList, PROMOTER_STATUS_COLOR } from "../../../lib/distribution"

const col = createDataTableColumnHelper<Promoter>()
const filter = createDataTableFilterHelper<Promoter>()

/** Promoter applications (promoter_mode "apply"): approve, or reject with a reason the applicant can see. */
const ApplicationsPage = () => {
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
        label: t("applications.status"),
        options: [
          { value: "applied", label: t("applications.waiting") },
          { value: "rejected", label: t("promoterStatus.rejected") },
        ],
      }),
    ],
    [t]
  )
  const list = useServerList<Promoter, PromoterList>({
    path: "/admin/fission/promoters",
    rowsKey: "promoters",
    queryKey: distKeys.scope("promoters", "applications"),
    filters,
    initialFiltering: { status: "applied" },
  })
  const refresh = () => queryClient.invalidateQueries({ queryKey: distKeys.all })

  const approve = async (p: Promoter) => {
    const ok = await confirm({
      title: t("applications.approveTitle"),
      description: t("applications.approveDescription", { who: p.customer?.email ?? p.customer_id, code: p.code }),
      confirmText: t("applications.approve"),
      cancelText: t("common.cancel"),
    })
    if (!ok) return
    setBusy(p.id)
    try {
      await sdk.client.fetch(`/admin/fission/promoters/${p.id}/approve`, { method: "POST", body: {} })
      toast.success(t("applications.approved"))
      refresh()
    } catch (e) {
      toast.error(t("applications.approveFailed"), { description: errorMessage(e) })
    } finally {
      setBusy(null)
    }
  }
  const reject = (p: Promoter) =>
    setPrompt({
      title: t("applications.rejectTitle"),
      description: t("applications.rejectDescription", { who: p.customer?.email ?? t("applications.theApplicant") }),
      label: t("withdrawals.reason"),
      name: "reason",
      placeholder: t("applications.reasonPlaceholder"),
      required: true,
      multiline: true,
      submitLabel: t("withdrawals.reject"),
      destructive: true,
      onSubmit: async (reason) => {
        await sdk.client.fetch(`/admin/fission/promoters/${p.id}/reject`, { method: "POST", body: { reason } })
        toast.success(t("applications.rejected"))
        refresh()
      },
    })

  const dash = <span className="text-ui-fg-muted">–</span>
  const columns = [
    col.accessor("customer_id", { header: t("applications.applicant"), cell: ({ row: { original: p } }) => <CustomerLink customer={p.customer ?? { id: p.customer_id }} /> }),
    col.accessor("real_name", { header: t("applications.realName"), cell: ({ getValue }) => getValue() ?? dash }),
    col.accessor("phone", { header: t("applications.phone"), cell: ({ getValue }) => getValue() ?? dash }),
    col.accessor("note", {
      header: t("applications.note"),
      cell: ({ row: { original: p } }) => (
        <Text size="small" className="max-w-[260px] truncate" title={p.note ?? undefined}>
          {p.status === "rejected" ? t("applications.rejectedReason", { reason: p.review_reason ?? "—" }) : p.note ?? "–"}
        </Text>
      ),
    }),
    col.accessor("created_at", { header: t("applications.applied"), cell: ({ getValue }) => <span className="whitespace-nowrap">{f.dateTime(getValue())}</span> }),
    col.accessor("status", { header: t("applications.status"), cell: ({ getValue }) => <StatusBadge color={PROMOTER_STATUS_COLOR[getValue()]}>{t(`promoterStatus.${getValue()}`)}</StatusBadge> }),
    col.display({
      id: "actions",
      cell: ({ row: { original: p } }) => (
        <div className="flex justify-end gap-x-2">
          <Button size="small" variant="secondary" onClick={() => reject(p)} disabled={p.status !== "applied"}>
            {t("withdrawals.reject")}
          </Button>
          <Button size="small" onClick={() => approve(p)} isLoading={busy === p.id}>
            {t("applications.approve")}
          </Button>
        </div>
      ),
    }),
  ]
  return (
    <>
      <DataList
        list={list}
        columns={columns}
        title={t("applications.title")}
        subtitle={t("applications.subtitle")}
        empty={{ heading: t("applications.empty") }}
      />
      <PromptDrawer prompt={prompt} onClose={() => setPrompt(null)} />
    </>
  )
}

export const config = defineRouteConfig({ label: "nav.applications", translationNs: "fission-distribution", rank: 2 })

export default ApplicationsPage

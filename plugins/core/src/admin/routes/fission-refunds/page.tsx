import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUturnLeft } from "@medusajs/icons"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { createDataTableFilterHelper, DataList, useServerList, useStoreFormat } from "../../../admin-kit"
import { useRefundColumns } from "../../components/refund-request-table"
import { REFUND_STATUSES, RefundRequest, refundKeys, RefundRequestList } from "../../lib/refund-requests"

const filter = createDataTableFilterHelper<RefundRequest>()

/** Every refund a campaign asked for, with filters, attempts, errors and a retry button. */
const RefundRequestsPage = () => {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const filters = useMemo(
    () => [
      filter.accessor("status", { type: "radio", label: t("refunds.status"), options: REFUND_STATUSES.map((s) => ({ value: s, label: t(`refundStatus.${s}`) })) }),
      filter.accessor("order_id", { type: "string", label: t("refunds.orderId") }),
      filter.accessor("source_type", { type: "string", label: t("refunds.sourceType") }),
      filter.accessor("source_id", { type: "string", label: t("refunds.sourceId") }),
    ],
    [t]
  )
  const list = useServerList<RefundRequest, RefundRequestList>({
    path: "/admin/fission/refund-requests",
    rowsKey: "refund_requests",
    queryKey: refundKeys.all,
    filters,
    refetchInterval: 5000,
  })
  const columns = useRefundColumns(f)
  return <DataList list={list} columns={columns} title={t("refunds.title")} subtitle={t("refunds.subtitle")} empty={{ heading: t("refunds.empty") }} />
}

export const config = defineRouteConfig({ label: "nav.refunds", translationNs: "fission-core", icon: ArrowUturnLeft })

export default RefundRequestsPage

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"
import { DataList, useServerList, useStoreFormat } from "../../admin-kit"
import { useRefundColumns } from "../components/refund-request-table"
import { RefundRequest, refundKeys, RefundRequestList } from "../lib/refund-requests"

/** Order page: the refunds campaigns asked for on this order, with status and retry. Hidden when there are none. */
const OrderFissionRefundsWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const list = useServerList<RefundRequest, RefundRequestList>({
    path: "/admin/fission/refund-requests",
    rowsKey: "refund_requests",
    queryKey: refundKeys.all,
    query: { order_id: data.id },
    pageSize: 10,
  })
  const columns = useRefundColumns(f, false)
  if (list.isLoading || !list.count) return null
  return <DataList list={list} columns={columns} title={t("refunds.widgetTitle")} />
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderFissionRefundsWidget

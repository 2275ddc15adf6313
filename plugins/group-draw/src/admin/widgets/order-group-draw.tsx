import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"
import { MemberSeats } from "../components/member-seats"

/** Order page: the group-draw seat this order bought (won / lost / refunded) with a link to its group. */
const OrderGroupDrawWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("fission-group-draw")
  return <MemberSeats filter={{ order_id: data.id }} title={t("seats.orderTitle")} />
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderGroupDrawWidget

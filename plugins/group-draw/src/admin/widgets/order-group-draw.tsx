import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { MemberSeats } from "../components/member-seats"

/** Order page: the group-draw seat this order bought (won / lost / refunded) with a link to its group. */
const OrderGroupDrawWidget = ({ data }: DetailWidgetProps<AdminOrder>) => (
  <MemberSeats filter={{ order_id: data.id }} title="Group draw" />
)

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderGroupDrawWidget

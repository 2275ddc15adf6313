import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { MemberSeats } from "../components/member-seats"

/** Customer page: the customer's group-draw seats, newest first. */
const CustomerGroupDrawsWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => (
  <MemberSeats filter={{ customer_id: data.id }} title="Group draws" />
)

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerGroupDrawsWidget

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { useTranslation } from "react-i18next"
import { MemberSeats } from "../components/member-seats"

/** Customer page: the customer's group-draw seats, newest first. */
const CustomerGroupDrawsWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("fission-group-draw")
  return <MemberSeats filter={{ customer_id: data.id }} title={t("seats.customerTitle")} />
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerGroupDrawsWidget

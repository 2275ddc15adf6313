import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { RefundRequestTable } from "../components/refund-request-table"
import { useRefundRequests } from "../lib/refund-requests"

/** Order page: the refunds campaigns asked for on this order, with status and retry. Hidden when there are none. */
const OrderFissionRefundsWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { data: list, isLoading } = useRefundRequests({ order_id: data.id }, { offset: 0, limit: 50 })
  if (isLoading || !list?.refund_requests.length) return null
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Fission refund requests</Heading>
        {list.count > list.refund_requests.length && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            latest {list.refund_requests.length} of {list.count}
          </Text>
        )}
      </div>
      <RefundRequestTable requests={list.refund_requests} showOrder={false} />
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderFissionRefundsWidget

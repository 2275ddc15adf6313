import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUturnLeft } from "@medusajs/icons"
import { Container, Heading, Input, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { RefundRequestTable } from "../../components/refund-request-table"
import { REFUND_STATUSES, RefundRequestFilters, useRefundRequests } from "../../lib/refund-requests"

const PAGE_SIZE = 20
const ALL = "all" // Radix Select items cannot have an empty value

/** Every refund a campaign asked for, with filters, attempts, errors and a retry button. */
const RefundRequestsPage = () => {
  const [filters, setFilters] = useState<RefundRequestFilters>({})
  const [page, setPage] = useState(0)
  const set = (key: keyof RefundRequestFilters) => (value: string) => {
    setPage(0)
    setFilters((f) => ({ ...f, [key]: value === ALL ? undefined : value.trim() || undefined }))
  }
  const { data, isLoading } = useRefundRequests(filters, { offset: page * PAGE_SIZE, limit: PAGE_SIZE }, 5000)
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Refund requests</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Refunds campaigns asked for (group-draw losers, pre-sale steps, …), one per cause. Failed attempts are retried
          automatically with a growing delay; retry one now once its cause is fixed (e.g. a fulfillment canceled).
        </Text>
      </div>
      <div className="grid grid-cols-4 gap-3 px-6 py-4">
        <Select value={filters.status ?? ALL} onValueChange={set("status")}>
          <Select.Trigger>
            <Select.Value placeholder="Status" />
          </Select.Trigger>
          <Select.Content>
            {[ALL, ...REFUND_STATUSES].map((s) => (
              <Select.Item key={s} value={s}>
                {s === ALL ? "All statuses" : s}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Input placeholder="Order id" onChange={(e) => set("order_id")(e.target.value)} />
        <Input placeholder="Source type (e.g. group_draw.group)" onChange={(e) => set("source_type")(e.target.value)} />
        <Input placeholder="Source id" onChange={(e) => set("source_id")(e.target.value)} />
      </div>
      {data?.refund_requests.length ? (
        <RefundRequestTable requests={data.refund_requests} />
      ) : (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {isLoading ? "Loading…" : "No refund requests."}
          </Text>
        </div>
      )}
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={page}
        pageCount={pageCount}
        canPreviousPage={page > 0}
        canNextPage={page + 1 < pageCount}
        previousPage={() => setPage((p) => Math.max(0, p - 1))}
        nextPage={() => setPage((p) => p + 1)}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.refunds", translationNs: "fission-core", icon: ArrowUturnLeft })

export default RefundRequestsPage

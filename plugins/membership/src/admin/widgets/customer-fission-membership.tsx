import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { CustomerMembership, errorMessage, membershipKeys } from "../lib/membership"
import { sdk } from "../lib/sdk"

/** The customer's level, growth, points and level history (points postings are in the wallet widget). */
const CustomerMembershipWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useQuery({
    queryKey: membershipKeys.customer(customer.id),
    queryFn: () => sdk.client.fetch<{ membership: CustomerMembership }>(`/admin/fission/membership/customers/${customer.id}`),
  })
  const m = data?.membership
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Membership</Heading>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {m && (
        <>
          <div className="grid grid-cols-4 gap-4 px-6 py-4">
            <div>
              <Text size="small" className="text-ui-fg-subtle">Level</Text>
              <Text weight="plus">{m.level?.name ?? "–"}</Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Growth</Text>
              <Text weight="plus">
                {m.growth}
                {m.next_level ? ` (${m.growth_to_next_level} to ${m.next_level.name})` : ""}
              </Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Points available</Text>
              <Text weight="plus">
                {m.points.available}
                {m.points.pending ? ` (+${m.points.pending} pending)` : ""}
              </Text>
            </div>
            <div>
              <Text size="small" className="text-ui-fg-subtle">Expiring in {m.points.expiring_within_days} days</Text>
              <Text weight="plus">{m.points.expiring_soon}</Text>
            </div>
          </div>
          {m.level_changes.length > 0 && (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>When</Table.HeaderCell>
                  <Table.HeaderCell>Growth</Table.HeaderCell>
                  <Table.HeaderCell>Reason</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {m.level_changes.map((c) => (
                  <Table.Row key={c.id}>
                    <Table.Cell>{new Date(c.created_at).toLocaleString()}</Table.Cell>
                    <Table.Cell>{c.growth}</Table.Cell>
                    <Table.Cell>{c.reason}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerMembershipWidget

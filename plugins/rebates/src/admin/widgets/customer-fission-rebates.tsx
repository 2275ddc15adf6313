import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { errorMessage, rebateKeys, RebateHistory, RebateStatus } from "../lib/rebates"
import { sdk } from "@fission/core/admin-kit"

/** This month's consumption, level, what the next level needs, dividend points, frozen team awards, past months. */
const CustomerRebatesWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useQuery({
    queryKey: rebateKeys.customer(customer.id),
    queryFn: () =>
      sdk.client.fetch<{ rebates: { status: RebateStatus; history: RebateHistory } }>(`/admin/fission/rebates/customers/${customer.id}`),
  })
  const s = data?.rebates.status
  const h = data?.rebates.history
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Rebates · activity level</Heading>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {s && (
        <div className="grid grid-cols-4 gap-4 px-6 py-4">
          <div>
            <Text size="small" className="text-ui-fg-subtle">{s.month} consumption</Text>
            <Text weight="plus">{s.consumption.toLocaleString()} {s.currency_code.toUpperCase()}</Text>
          </div>
          <div>
            <Text size="small" className="text-ui-fg-subtle">Level</Text>
            <Text weight="plus">{s.level ? `${s.level.position} · ${s.level.name}` : "–"}</Text>
          </div>
          <div>
            <Text size="small" className="text-ui-fg-subtle">Dividend points</Text>
            <Text weight="plus">{s.dividend_points.toLocaleString()} (this month +{s.awarded_points.toLocaleString()})</Text>
          </div>
          <div>
            <Text size="small" className="text-ui-fg-subtle">Next level</Text>
            <Text weight="plus">
              {s.next_level
                ? `${s.next_level.name}: ${s.next_level.missing.consumption} more` +
                  s.next_level.missing.team.map((t) => `, depth ${t.depth} ${t.active}/${t.required}`).join("")
                : "top level"}
            </Text>
          </div>
        </div>
      )}
      {s && s.frozen_awards.length > 0 && (
        <div className="px-6 py-4">
          <Text weight="plus" className="mb-2">Frozen team awards</Text>
          {s.frozen_awards.map((a) => (
            <Text key={a.id} size="small">
              <Badge color="orange">frozen</Badge> {a.amount} ({a.points} points needed, {a.held_amount} held) since {new Date(a.frozen_at).toLocaleDateString()}
            </Text>
          ))}
        </div>
      )}
      {h && h.months.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Month</Table.HeaderCell>
              <Table.HeaderCell>Consumption</Table.HeaderCell>
              <Table.HeaderCell>Level</Table.HeaderCell>
              <Table.HeaderCell>Points awarded</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {h.months.map((m) => (
              <Table.Row key={m.month}>
                <Table.Cell>{m.month}</Table.Cell>
                <Table.Cell>{m.consumption.toLocaleString()}</Table.Cell>
                <Table.Cell>{m.level_position ?? "–"}</Table.Cell>
                <Table.Cell>{m.awarded_points.toLocaleString()}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerRebatesWidget

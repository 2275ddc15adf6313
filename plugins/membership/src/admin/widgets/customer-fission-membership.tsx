import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { CustomerMembership, errorMessage, membershipKeys } from "../lib/membership"
import { sdk } from "@fission/core/admin-kit"

/** The customer's level, growth, points and level history (points postings are in the wallet widget). */
const CustomerMembershipWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useQuery({
    queryKey: membershipKeys.customer(customer.id),
    queryFn: () => sdk.client.fetch<{ membership: CustomerMembership }>(`/admin/fission/membership/customers/${customer.id}`),
  })
  const m = data?.membership
  const queryClient = useQueryClient()
  const [birthday, setBirthday] = useState<string | null>(null)
  const saveBirthday = useMutation({
    mutationFn: (value: string) =>
      sdk.client.fetch<{ membership: CustomerMembership }>(`/admin/fission/membership/customers/${customer.id}`, {
        method: "POST",
        body: { birthday: value.trim() === "" ? null : value.trim() },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(membershipKeys.customer(customer.id), result)
      setBirthday(null)
      toast.success("Birthday saved")
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
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
                {m.downgrade_policy === "yearly" ? ` (last 12 months: ${m.qualifying_growth})` : ""}
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
          <div className="flex items-center gap-x-3 px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">Birthday (birthday points of the level, once a year)</Text>
            {birthday === null ? (
              <>
                <Text weight="plus">{m.birthday ?? "–"}</Text>
                <Button size="small" variant="secondary" onClick={() => setBirthday(m.birthday ?? "")}>
                  Edit
                </Button>
              </>
            ) : (
              <>
                <Input size="small" placeholder="YYYY-MM-DD" value={birthday} onChange={(e) => setBirthday(e.target.value)} />
                <Button size="small" isLoading={saveBirthday.isPending} onClick={() => saveBirthday.mutate(birthday)}>
                  Save
                </Button>
                <Button size="small" variant="transparent" onClick={() => setBirthday(null)}>
                  Cancel
                </Button>
              </>
            )}
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

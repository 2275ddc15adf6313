import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tag } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { PresaleFormDrawer } from "../../components/presale-form"
import { money, Presale, statusColor } from "../../lib/presale"
import { sdk } from "@fission/core/admin-kit"

/** Pre-sales (SPEC §5 admin): list, create, open one. */
const PresalesPage = () => {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [creating, setCreating] = useState(false)
  const { data, isLoading } = useQuery({
    queryKey: ["fission-presales"],
    queryFn: () => sdk.client.fetch<{ presales: Presale[]; count: number }>("/admin/fission/presales", { query: { limit: 100 } }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading>Pre-sales</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The price drops for everyone as participants join; every participant is refunded down to the final tier; free orders are drawn fairly.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
          Create
        </Button>
      </div>
      {isLoading ? (
        <Text className="px-6 py-4">Loading…</Text>
      ) : !data?.presales.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No pre-sales yet.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Pre-sale</Table.HeaderCell>
              <Table.HeaderCell>Price now</Table.HeaderCell>
              <Table.HeaderCell>Participants</Table.HeaderCell>
              <Table.HeaderCell>Next threshold</Table.HeaderCell>
              <Table.HeaderCell>Free orders</Table.HeaderCell>
              <Table.HeaderCell>Refunds</Table.HeaderCell>
              <Table.HeaderCell>Ends</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.presales.map((p) => (
              <Table.Row key={p.id} className="cursor-pointer" onClick={() => navigate(`/presales/${p.id}`)}>
                <Table.Cell>{p.title}</Table.Cell>
                <Table.Cell>{money(p.current_price, p.currency_code)}</Table.Cell>
                <Table.Cell>{p.participants}</Table.Cell>
                <Table.Cell>{p.next_rebate_threshold ?? "–"}</Table.Cell>
                <Table.Cell>
                  {p.free_orders_drawn} / {p.free_draw_rounds}
                </Table.Cell>
                <Table.Cell>{p.refund_timing}</Table.Cell>
                <Table.Cell>{new Date(p.ends_at).toLocaleString()}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={statusColor(p.status) as any}>
                    {p.status}
                  </Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <PresaleFormDrawer
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={() => {
          setCreating(false)
          queryClient.invalidateQueries({ queryKey: ["fission-presales"] })
        }}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.presales", translationNs: "fission-presale", icon: Tag })

export default PresalesPage

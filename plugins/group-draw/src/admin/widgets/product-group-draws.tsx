import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { Campaign, money, statusColor } from "../lib/group-draw"
import { sdk } from "@fission/core/admin-kit"

/** Product page: group-draw campaigns selling a variant of this product. */
const ProductGroupDrawsWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data } = useQuery({
    queryKey: ["fission-group-draws", "product", product.id],
    queryFn: () =>
      sdk.client.fetch<{ group_draws: Campaign[]; count: number }>("/admin/fission/group-draws", {
        query: { product_id: product.id, limit: 20 },
      }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Group draws</Heading>
        <Link to="/group-draws" className="text-ui-fg-interactive txt-small">
          All campaigns →
        </Link>
      </div>
      {!data?.group_draws.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No group-draw campaign sells this product.
        </Text>
      ) : (
        <Table>
          <Table.Body>
            {data.group_draws.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/group-draws/${c.id}`}>
                    {c.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{money(c.price, c.currency_code)}</Table.Cell>
                <Table.Cell>
                  {c.winners} of {c.group_size}
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={statusColor(c.status)}>
                    {c.status}
                  </Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductGroupDrawsWidget

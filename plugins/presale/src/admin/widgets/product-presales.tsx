import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { money, Presale, statusColor } from "../lib/presale"
import { sdk } from "@fission/core/admin-kit"

/** Product page: pre-sales selling a variant of this product. */
const ProductPresalesWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data } = useQuery({
    queryKey: ["fission-presales", "product", product.id],
    queryFn: () => sdk.client.fetch<{ presales: Presale[] }>("/admin/fission/presales", { query: { product_id: product.id, limit: 20 } }),
  })
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Pre-sales</Heading>
        <Link to="/presales" className="text-ui-fg-interactive txt-small">
          All pre-sales →
        </Link>
      </div>
      {!data?.presales.length ? (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No pre-sale sells this product.
        </Text>
      ) : (
        <Table>
          <Table.Body>
            {data.presales.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/presales/${p.id}`}>
                    {p.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>{money(p.current_price, p.currency_code)}</Table.Cell>
                <Table.Cell>{p.participants} participants</Table.Cell>
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
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductPresalesWidget

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "@fission/core/admin-kit"

/** Customer page: age confirmation, seed gifts, blind boxes initiated and opened. */
const CustomerBlindBoxesWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { data: res } = useQuery({
    queryKey: ["fission-blind-box-customer", data.id],
    queryFn: () => sdk.client.fetch<{ customer: any }>(`/admin/fission/blind-boxes/customers/${data.id}`),
  })
  const c = res?.customer
  return (
    <Container className="flex flex-col gap-y-1">
      <Heading level="h2">Blind boxes</Heading>
      {!c ? (
        <Text size="small">Loading…</Text>
      ) : (
        <>
          <Text size="small">
            Age confirmation: {c.age_confirmation ? `${c.age_confirmation.age}${c.age_confirmation.guardian_consent ? ` (guardian ${c.age_confirmation.guardian_name})` : ""}` : "none"}
          </Text>
          <Text size="small">Seed gifts: {c.seed_gifts.length ? c.seed_gifts.map((g: any) => `#${g.slot} ${g.amount} vouchers`).join(", ") : "none"}</Text>
          <Text size="small">Initiated: {c.initiated.count} · opens: {c.opens.count} (won {c.opens.won})</Text>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerBlindBoxesWidget

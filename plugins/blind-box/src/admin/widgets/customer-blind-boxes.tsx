import { sdk } from "@fission/core/admin-kit"
import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"

/** Customer page: age confirmation, seed gifts, blind boxes initiated and opened. */
const CustomerBlindBoxesWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("fission-blind-box")
  const { data: res } = useQuery({
    queryKey: ["fission-blind-box-customer", data.id],
    queryFn: () => sdk.client.fetch<{ customer: any }>(`/admin/fission/blind-boxes/customers/${data.id}`),
  })
  const c = res?.customer
  const age = c?.age_confirmation
  return (
    <Container className="flex flex-col gap-y-1">
      <Heading level="h2">{t("widget.title")}</Heading>
      {!c ? (
        <Text size="small">{t("common.loading")}</Text>
      ) : (
        <>
          <Text size="small">
            {t("widget.age", {
              value: age ? `${age.age}${age.guardian_consent ? t("widget.guardian", { name: age.guardian_name }) : ""}` : t("widget.none"),
            })}
          </Text>
          <Text size="small">
            {t("widget.seedGifts", {
              value: c.seed_gifts.length ? c.seed_gifts.map((g: any) => t("widget.seedGift", { slot: g.slot, amount: g.amount })).join(", ") : t("widget.none"),
            })}
          </Text>
          <Text size="small">{t("widget.counts", { initiated: c.initiated.count, opens: c.opens.count, won: c.opens.won })}</Text>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerBlindBoxesWidget

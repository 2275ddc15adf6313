import { sdk, Stack, useStoreFormat } from "@fission/core/admin-kit"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { useParams } from "react-router-dom"
import { Campaign, statusColor } from "../../../lib/blind-box"

type Detail = Campaign & {
  opens: { id: string; number: number | null; status: string; customer_id: string; amount: number; settled: boolean; created_at: string }[]
  draw: any
  verification: { valid: boolean; errors: string[] } | null
}

/** One campaign: state, every open (a campaign has at most `boxes` opens), the draw record and its fairness verification. */
const BlindBoxPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("fission-blind-box")
  const f = useStoreFormat()
  const { data, isLoading } = useQuery({
    queryKey: ["fission-blind-box", id],
    queryFn: () => sdk.client.fetch<{ blind_box: Detail }>(`/admin/fission/blind-boxes/${id}`),
  })
  const c = data?.blind_box
  if (isLoading || !c)
    return (
      <Container>
        <Text>{t("common.loading")}</Text>
      </Container>
    )
  return (
    <Stack>
      <Container className="flex flex-col gap-y-2">
        <div className="flex items-center gap-x-2">
          <Heading level="h1">{c.id}</Heading>
          <Badge color={statusColor(c.status)}>{t(`status.${c.status}`)}</Badge>
        </div>
        <Text size="small">
          {t("detail.summary", { initiator: c.initiator, opened: c.opens_count, boxes: c.boxes, price: f.money(c.open_price, c.currency_code), noWin: c.no_win_opens })}
        </Text>
        <Text size="small">
          {t("detail.prizePosition", { position: c.prize_position ?? t("detail.sealed") })}
          {c.winning_open ? t("detail.wonBy", { winner: c.winner, open: c.winning_open }) : ""}
          {t("detail.claim", { claim: t(`claim.${c.claim}`) })}
          {c.claim_order_id ? t("detail.claimOrder", { order: c.claim_order_id }) : ""}
        </Text>
      </Container>
      <Container className="flex flex-col gap-y-2">
        <Heading level="h2">{t("detail.fairness")}</Heading>
        <Text size="small" className="font-mono break-all">
          {t("detail.commitment", { commitment: c.commitment })}
        </Text>
        {c.draw?.seed && (
          <Text size="small" className="font-mono break-all">
            {t("detail.seed", { seed: c.draw.seed })}
          </Text>
        )}
        {c.verification ? (
          <Badge color={c.verification.valid ? "green" : "red"}>
            {c.verification.valid ? t("detail.valid") : t("detail.invalid", { errors: c.verification.errors.join("; ") })}
          </Badge>
        ) : (
          <Text size="small">{t("detail.sealedHint")}</Text>
        )}
        <Text size="small" className="font-mono">
          npx fission-verify {"<store-url>"}/store/fission/draws/{c.draw_id} --key {"<publishable key>"}
        </Text>
      </Container>
      <Container>
        <Heading level="h2">{t("detail.opens")}</Heading>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>#</Table.HeaderCell>
              <Table.HeaderCell>{t("templates.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("detail.customer")}</Table.HeaderCell>
              <Table.HeaderCell>{t("detail.paid")}</Table.HeaderCell>
              <Table.HeaderCell>{t("detail.settled")}</Table.HeaderCell>
              <Table.HeaderCell>{t("detail.at")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {c.opens.map((o) => (
              <Table.Row key={o.id}>
                <Table.Cell>{o.number ?? "–"}</Table.Cell>
                <Table.Cell>
                  <Badge color={o.status === "won" ? "blue" : o.status === "released" ? "grey" : "green"}>{t(`openStatus.${o.status}`, { defaultValue: o.status })}</Badge>
                </Table.Cell>
                <Table.Cell>{o.customer_id}</Table.Cell>
                <Table.Cell>{f.money(o.amount, c.currency_code)}</Table.Cell>
                <Table.Cell>{o.settled ? t("common.yes") : t("common.no")}</Table.Cell>
                <Table.Cell>{f.dateTime(o.created_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </Stack>
  )
}

export default BlindBoxPage

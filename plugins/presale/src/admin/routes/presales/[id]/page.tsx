import { createDataTableColumnHelper, DataList, errorMessage, Fact, sdk, Stack, useAllPages, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { Badge, Button, Container, Heading, Input, Label, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { ProgressChart } from "../../../components/progress-chart"
import { Participant, Presale, ProjectionLine, Round, statusColor } from "../../../lib/presale"


const partCol = createDataTableColumnHelper<Participant>()

/** One pre-sale: progress chart, financial projection, participants with refund status, draws with verify links, close/cancel. */
const PresaleDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("fission-presale")
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const prompt = usePrompt()
  const [unitCost, setUnitCost] = useState("")
  const { data } = useQuery({
    queryKey: ["fission-presale", id],
    queryFn: () => sdk.client.fetch<{ presale: Presale }>(`/admin/fission/presales/${id}`),
    refetchInterval: 5000,
  })
  const { data: proj } = useQuery({
    queryKey: ["fission-presale-projection", id, unitCost],
    queryFn: () =>
      sdk.client.fetch<{ projection: { current: ProjectionLine; maximum: ProjectionLine } }>(`/admin/fission/presales/${id}/projection`, {
        query: unitCost && !isNaN(Number(unitCost)) ? { unit_cost: unitCost } : {},
      }),
  })
  const people = useServerList<Participant, { participants: Participant[]; count: number }>({
    path: `/admin/fission/presales/${id}/participants`,
    rowsKey: "participants",
    queryKey: ["fission-presale-participants", id],
    pageSize: 50,
    refetchInterval: 10000,
  })
  // Every round (one per free-order threshold), page by page.
  const { data: rounds } = useAllPages<Round>(["fission-presale-draws", id], `/admin/fission/presales/${id}/draws`, "draws")
  const { data: head } = useQuery({
    queryKey: ["fission-presale-draws", id, "head"],
    queryFn: () => sdk.client.fetch<{ chain_head: string | null }>(`/admin/fission/presales/${id}/draws`, { query: { limit: 1 } }),
  })
  const p = data?.presale
  if (!p) return <Text>{t("common.loading")}</Text>
  const cur = p.currency_code
  const end = async (action: "close" | "cancel") => {
    const ok = await prompt({
      title: t(`detail.${action}Title`),
      description: t(`detail.${action}Description`),
      confirmText: t(`detail.${action}Confirm`),
      cancelText: t("common.back"),
    })
    if (!ok) return
    try {
      await sdk.client.fetch(`/admin/fission/presales/${p.id}/${action}`, { method: "POST", body: {} })
      toast.success(t(`detail.${action}Done`))
      queryClient.invalidateQueries({ queryKey: ["fission-presale", id] })
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }
  const line = (label: string, l?: ProjectionLine) =>
    l && (
      <Table.Row>
        <Table.Cell>{label}</Table.Cell>
        <Table.Cell>{l.participants}</Table.Cell>
        <Table.Cell>{f.money(l.price, cur)}</Table.Cell>
        <Table.Cell>{l.free_orders}</Table.Cell>
        <Table.Cell>{f.money(l.paid, cur)}</Table.Cell>
        <Table.Cell>{f.money(l.refunds, cur)}</Table.Cell>
        <Table.Cell>{f.money(l.revenue, cur)}</Table.Cell>
        <Table.Cell>{l.margin == null ? t("projection.enterUnitCost") : f.money(l.margin, cur)}</Table.Cell>
      </Table.Row>
    )
  const participantColumns = [
    partCol.accessor("number", {
      header: "#",
      cell: ({ row: { original: x } }) => (
        <>
          {x.number} {x.free_order && <Badge size="2xsmall" color="orange">{t("participants.free")}</Badge>}
        </>
      ),
    }),
    partCol.accessor("order_id", {
      header: t("participants.order"),
      cell: ({ getValue }) => (
        <Link className="text-ui-fg-interactive" to={`/orders/${getValue()}`}>
          {getValue()}
        </Link>
      ),
    }),
    partCol.accessor("paid", { header: t("participants.paid"), cell: ({ getValue }) => f.money(getValue(), cur) }),
    partCol.accessor("net_price", { header: t("participants.net"), cell: ({ getValue }) => f.money(getValue(), cur) }),
    partCol.accessor("refunds_owed", {
      header: t("participants.owedRefunded"),
      cell: ({ row: { original: x } }) => `${f.money(x.refunds_owed, cur)} / ${f.money(x.refunded, cur)}`,
    }),
    partCol.accessor("draws_entered", { header: t("participants.drawsEntered") }),
    partCol.accessor("refund_status", {
      header: t("participants.refundStatus"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={getValue() === "failed" ? "red" : getValue() === "pending" ? "orange" : "green"}>
          {t(`refundStatus.${getValue()}`)}
        </Badge>
      ),
    }),
  ]
  const drawn = (rounds ?? []).filter((d) => d.status === "drawn")
  const winnerNumber = (d: Round) => people.rows.find((x) => x.id === d.winner_participant_id)?.number ?? d.winner_participant_id
  return (
    <Stack>
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-center justify-between">
          <div>
            <Heading>{p.title}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("detail.rules", {
                base: f.money(p.base_price, cur),
                step: f.money(p.step_amount, cur),
                interval: p.step_interval,
                max: p.max_steps,
              })}
              {p.free_interval ? t("detail.freeEvery", { count: p.free_interval }) : ""}
              {t("detail.refundRule", { timing: t(`refundTiming.${p.refund_timing}`), destination: t(`form.options.${p.refund_destination}`) })}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <Badge color={statusColor(p.status) as any}>{t(`status.${p.status}`)}</Badge>
            {p.status === "active" && (
              <>
                <Button size="small" variant="secondary" onClick={() => end("close")}>
                  {t("detail.closeNow")}
                </Button>
                <Button size="small" variant="danger" onClick={() => end("cancel")}>
                  {t("detail.cancel")}
                </Button>
              </>
            )}
          </div>
        </div>
        <div className="grid grid-cols-6 gap-4">
          <Fact label={t("list.participants")}>{p.participants}</Fact>
          <Fact label={t("list.priceNow")}>{f.money(p.current_price, cur)}</Fact>
          <Fact label={t("list.nextThreshold")}>{p.next_rebate_threshold ?? t("detail.maxReached")}</Fact>
          <Fact label={t("detail.nextFreeDraw")}>{p.next_free_draw_at ?? "–"}</Fact>
          <Fact label={t("detail.paidRefunded")}>{`${f.money(p.totals?.paid, cur)} / ${f.money(p.totals?.refunded, cur)}`}</Fact>
          <Fact label={t("detail.refundsOpenFailed")}>{`${p.totals?.refunds.open ?? 0} / ${p.totals?.refunds.failed ?? 0}`}</Fact>
        </div>
        <ProgressChart presale={p} />
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("projection.title")}</Heading>
          <div className="flex items-center gap-x-2">
            <Label size="small">{t("projection.unitCost")}</Label>
            <Input size="small" className="w-28" value={unitCost} onChange={(e) => setUnitCost(e.target.value)} placeholder="30" />
          </div>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              {["at", "participants", "finalPrice", "freeOrders", "paid", "refunds", "revenue", "margin"].map((k) => (
                <Table.HeaderCell key={k}>{t(`projection.${k}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {line(t("projection.current"), proj?.projection.current)}
            {line(t("projection.maximum"), proj?.projection.maximum)}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">{t("draws.title")}</Heading>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("draws.chainHead", { head: head?.chain_head ?? "–" })}
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              {["round", "atParticipant", "entrants", "winner", "verify"].map((k) => (
                <Table.HeaderCell key={k}>{t(`draws.${k}`)}</Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {drawn.map((d) => (
              <Table.Row key={d.round}>
                <Table.Cell>{d.round + 1}</Table.Cell>
                <Table.Cell>{d.threshold}</Table.Cell>
                <Table.Cell>{d.entrants}</Table.Cell>
                <Table.Cell>#{winnerNumber(d)}</Table.Cell>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/fission-draws?id=${d.draw_id}`}>
                    {d.draw_id}
                  </Link>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <DataList
        list={people}
        columns={participantColumns}
        title={t("participants.title", { count: people.count })}
        empty={{ heading: t("participants.empty") }}
      />
    </Stack>
  )
}

export default PresaleDetailPage

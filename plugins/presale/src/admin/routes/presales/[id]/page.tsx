import { Badge, Button, Container, Heading, Input, Label, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { ProgressChart } from "../../../components/progress-chart"
import { money, Participant, Presale, ProjectionLine, Round, statusColor } from "../../../lib/presale"
import { sdk } from "@fission/core/admin-kit"

const Stat = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="small" weight="plus">
      {value}
    </Text>
  </div>
)

/** One pre-sale: progress chart, financial projection, participants with refund status, draws with verify links, close/cancel. */
const PresaleDetailPage = () => {
  const { id } = useParams()
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
  const { data: people } = useQuery({
    queryKey: ["fission-presale-participants", id],
    queryFn: () => sdk.client.fetch<{ participants: Participant[]; count: number }>(`/admin/fission/presales/${id}/participants`, { query: { limit: 200 } }),
    refetchInterval: 10000,
  })
  const { data: draws } = useQuery({
    queryKey: ["fission-presale-draws", id],
    queryFn: () => sdk.client.fetch<{ draws: Round[]; chain_head: string | null }>(`/admin/fission/presales/${id}/draws`, { query: { limit: 100 } }),
  })
  const p = data?.presale
  if (!p) return <Text>Loading…</Text>
  const end = async (action: "close" | "cancel") => {
    const ok = await prompt({
      title: action === "close" ? "Close the pre-sale now?" : "Cancel the pre-sale?",
      description:
        action === "close"
          ? "It closes at its current tier (or fails below the minimum and refunds everyone in full)."
          : "Every participant is refunded in full and their orders are canceled.",
    })
    if (!ok) return
    try {
      await sdk.client.fetch(`/admin/fission/presales/${p.id}/${action}`, { method: "POST", body: {} })
      toast.success(action === "close" ? "Closed" : "Canceled")
      queryClient.invalidateQueries({ queryKey: ["fission-presale", id] })
    } catch (e: any) {
      toast.error(e?.message ?? "Failed")
    }
  }
  const line = (label: string, l?: ProjectionLine) =>
    l && (
      <Table.Row>
        <Table.Cell>{label}</Table.Cell>
        <Table.Cell>{l.participants}</Table.Cell>
        <Table.Cell>{money(l.price, p.currency_code)}</Table.Cell>
        <Table.Cell>{l.free_orders}</Table.Cell>
        <Table.Cell>{money(l.paid, p.currency_code)}</Table.Cell>
        <Table.Cell>{money(l.refunds, p.currency_code)}</Table.Cell>
        <Table.Cell>{money(l.revenue, p.currency_code)}</Table.Cell>
        <Table.Cell>{l.margin == null ? "enter a unit cost" : money(l.margin, p.currency_code)}</Table.Cell>
      </Table.Row>
    )
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-center justify-between">
          <div>
            <Heading>{p.title}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {money(p.base_price, p.currency_code)} − {p.step_amount} per {p.step_interval} participants (max {p.max_steps} steps)
              {p.free_interval ? `, one free order every ${p.free_interval}` : ""} · refunds {p.refund_timing} to {p.refund_destination}
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <Badge color={statusColor(p.status) as any}>{p.status}</Badge>
            {p.status === "active" && (
              <>
                <Button size="small" variant="secondary" onClick={() => end("close")}>
                  Close now
                </Button>
                <Button size="small" variant="danger" onClick={() => end("cancel")}>
                  Cancel
                </Button>
              </>
            )}
          </div>
        </div>
        <div className="grid grid-cols-6 gap-4">
          <Stat label="Participants" value={p.participants} />
          <Stat label="Price now" value={money(p.current_price, p.currency_code)} />
          <Stat label="Next threshold" value={p.next_rebate_threshold ?? "max reached"} />
          <Stat label="Next free draw at" value={p.next_free_draw_at ?? "–"} />
          <Stat label="Paid / refunded" value={`${money(p.totals?.paid, p.currency_code)} / ${money(p.totals?.refunded, p.currency_code)}`} />
          <Stat label="Refunds open / failed" value={`${p.totals?.refunds.open ?? 0} / ${p.totals?.refunds.failed ?? 0}`} />
        </div>
        <ProgressChart presale={p} />
      </Container>
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Financial projection</Heading>
          <div className="flex items-center gap-x-2">
            <Label size="small">Unit cost</Label>
            <Input size="small" className="w-28" value={unitCost} onChange={(e) => setUnitCost(e.target.value)} placeholder="e.g. 30" />
          </div>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>At</Table.HeaderCell>
              <Table.HeaderCell>Participants</Table.HeaderCell>
              <Table.HeaderCell>Final price</Table.HeaderCell>
              <Table.HeaderCell>Free orders</Table.HeaderCell>
              <Table.HeaderCell>Paid</Table.HeaderCell>
              <Table.HeaderCell>Refunds</Table.HeaderCell>
              <Table.HeaderCell>Revenue</Table.HeaderCell>
              <Table.HeaderCell>Margin</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {line("Current count", proj?.projection.current)}
            {line("Maximum", proj?.projection.maximum)}
          </Table.Body>
        </Table>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Free-order draws</Heading>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Chain head (committed at the start): {draws?.chain_head ?? "–"}
          </Text>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Round</Table.HeaderCell>
              <Table.HeaderCell>At participant</Table.HeaderCell>
              <Table.HeaderCell>Entrants</Table.HeaderCell>
              <Table.HeaderCell>Winner</Table.HeaderCell>
              <Table.HeaderCell>Verify</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(draws?.draws ?? [])
              .filter((d) => d.status === "drawn")
              .map((d) => (
                <Table.Row key={d.round}>
                  <Table.Cell>{d.round + 1}</Table.Cell>
                  <Table.Cell>{d.threshold}</Table.Cell>
                  <Table.Cell>{d.entrants}</Table.Cell>
                  <Table.Cell>#{people?.participants.find((x) => x.id === d.winner_participant_id)?.number ?? d.winner_participant_id}</Table.Cell>
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
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">Participants ({people?.count ?? 0})</Heading>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>#</Table.HeaderCell>
              <Table.HeaderCell>Order</Table.HeaderCell>
              <Table.HeaderCell>Paid</Table.HeaderCell>
              <Table.HeaderCell>Net</Table.HeaderCell>
              <Table.HeaderCell>Owed / refunded</Table.HeaderCell>
              <Table.HeaderCell>Draws entered</Table.HeaderCell>
              <Table.HeaderCell>Refund status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(people?.participants ?? []).map((x) => (
              <Table.Row key={x.id}>
                <Table.Cell>
                  {x.number} {x.free_order && <Badge size="2xsmall" color="orange">free</Badge>}
                </Table.Cell>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive" to={`/orders/${x.order_id}`}>
                    {x.order_id}
                  </Link>
                </Table.Cell>
                <Table.Cell>{money(x.paid, p.currency_code)}</Table.Cell>
                <Table.Cell>{money(x.net_price, p.currency_code)}</Table.Cell>
                <Table.Cell>
                  {money(x.refunds_owed, p.currency_code)} / {money(x.refunded, p.currency_code)}
                </Table.Cell>
                <Table.Cell>{x.draws_entered}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={x.refund_status === "failed" ? "red" : x.refund_status === "pending" ? "orange" : "green"}>
                    {x.refund_status}
                  </Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </div>
  )
}

export default PresaleDetailPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Table, Text } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { SummaryChart } from "../../components/summary-chart"
import { TemplateForm } from "../../components/template-form"
import { Campaign, money, statusColor, Template } from "../../lib/blind-box"
import { sdk } from "@fission/core/admin-kit"

/** Blind boxes (SPEC §7 admin): templates with their economics, campaigns with state, revenue/payout summary. */
const BlindBoxesPage = () => {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<Template | "new" | null>(null)
  const templates = useQuery({
    queryKey: ["fission-blind-box-templates"],
    queryFn: () => sdk.client.fetch<{ blind_box_templates: Template[] }>("/admin/fission/blind-box-templates", { query: { limit: 100 } }),
  })
  const campaigns = useQuery({
    queryKey: ["fission-blind-boxes"],
    queryFn: () => sdk.client.fetch<{ blind_boxes: Campaign[]; count: number }>("/admin/fission/blind-boxes", { query: { limit: 50 } }),
  })
  const done = () => {
    setEditing(null)
    queryClient.invalidateQueries({ queryKey: ["fission-blind-box-templates"] })
  }
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-3">
        <div className="flex items-center justify-between">
          <Heading level="h1">Blind-box templates</Heading>
          <Button size="small" onClick={() => setEditing("new")}>Create template</Button>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Title</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell>Prize</Table.HeaderCell>
              <Table.HeaderCell>Boxes / no-win</Table.HeaderCell><Table.HeaderCell>Initiation</Table.HeaderCell><Table.HeaderCell>Open / share</Table.HeaderCell>
              <Table.HeaderCell>Initiator income</Table.HeaderCell><Table.HeaderCell>Platform margin</Table.HeaderCell><Table.HeaderCell>Seed gifts</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(templates.data?.blind_box_templates ?? []).map((t) => (
              <Table.Row key={t.id} className="cursor-pointer" onClick={() => setEditing(t)}>
                <Table.Cell>{t.title}{t.frozen ? " 🔒" : ""}</Table.Cell>
                <Table.Cell><Badge color={statusColor(t.status)}>{t.status}</Badge></Table.Cell>
                <Table.Cell>{money(t.prize.value, t.currency_code)}</Table.Cell>
                <Table.Cell>{t.boxes} / {t.no_win_opens}</Table.Cell>
                <Table.Cell>{money(t.initiation.cash)} + {t.initiation.vouchers} vouchers</Table.Cell>
                <Table.Cell>{money(t.open_price)} / {money(t.initiator_share)}</Table.Cell>
                <Table.Cell>{t.economics.initiator_income.min} … {t.economics.initiator_income.max}</Table.Cell>
                <Table.Cell>{t.economics.platform_margin.min} … {t.economics.platform_margin.max}</Table.Cell>
                <Table.Cell>{t.seed_gift.given} / {t.seed_gift.limit}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container className="flex flex-col gap-y-3">
        <Heading level="h2">Campaigns</Heading>
        {campaigns.isLoading && <Text size="small">Loading…</Text>}
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Blind box</Table.HeaderCell><Table.HeaderCell>Status</Table.HeaderCell><Table.HeaderCell>Opens</Table.HeaderCell>
              <Table.HeaderCell>Won at</Table.HeaderCell><Table.HeaderCell>Claim</Table.HeaderCell><Table.HeaderCell>Started</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {(campaigns.data?.blind_boxes ?? []).map((c) => (
              <Table.Row key={c.id} className="cursor-pointer" onClick={() => navigate(`/blind-boxes/${c.id}`)}>
                <Table.Cell>{c.id}</Table.Cell>
                <Table.Cell><Badge color={statusColor(c.status)}>{c.status}</Badge></Table.Cell>
                <Table.Cell>{c.opens_count} / {c.boxes}</Table.Cell>
                <Table.Cell>{c.winning_open ?? "–"}</Table.Cell>
                <Table.Cell>{c.claim}</Table.Cell>
                <Table.Cell>{new Date(c.created_at).toLocaleString()}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
      <Container><SummaryChart /></Container>
      <Drawer open={!!editing} onOpenChange={(open) => !open && setEditing(null)}>
        <Drawer.Content>
          <Drawer.Header><Drawer.Title>{editing === "new" ? "New template" : "Edit template"}</Drawer.Title></Drawer.Header>
          {editing && <TemplateForm template={editing === "new" ? undefined : editing} onDone={done} />}
        </Drawer.Content>
      </Drawer>
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.blindBoxes", translationNs: "fission-blind-box", icon: Gift })

export default BlindBoxesPage

import { Badge, Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { Link, useNavigate, useParams } from "react-router-dom"
import { CampaignFormDrawer } from "../../../components/campaign-form"
import { GroupStatsChart } from "../../../components/stats-chart"
import { Campaign, errorMessage, Group, money, statusColor, useLoserRefunds, when } from "../../../lib/group-draw"
import { sdk } from "@fission/core/admin-kit"

const PAGE_SIZE = 20
const GROUP_STATUSES = ["all", "open", "full", "drawn", "refunding", "completed", "failed"]

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <Text size="xsmall" className="text-ui-fg-subtle">
        {label}
      </Text>
      <Text size="small">{children}</Text>
    </div>
  )
}

/** A campaign: its rules, status actions, edit form, live groups and its per-day chart. */
const GroupDrawCampaignPage = () => {
  const { id } = useParams() as { id: string }
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const [status, setStatus] = useState("all")
  const [page, setPage] = useState(0)

  const campaignQuery = useQuery({
    queryKey: ["fission-group-draws", id],
    queryFn: () => sdk.client.fetch<{ group_draw: Campaign }>(`/admin/fission/group-draws/${id}`),
  })
  // live: seats fill and groups draw while the page is open
  const groupsQuery = useQuery({
    queryKey: ["fission-group-draw-groups", id, status, page],
    queryFn: () =>
      sdk.client.fetch<{ groups: Group[]; count: number }>(`/admin/fission/group-draws/${id}/groups`, {
        query: { limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...(status === "all" ? {} : { status }) },
      }),
    refetchInterval: 5000,
  })
  // loser refunds of the groups on this page, from core's refund-request API
  const refunds = useLoserRefunds({ group_ids: (groupsQuery.data?.groups ?? []).map((g) => g.id) }, 5000)
  const anyGroup = useQuery({
    queryKey: ["fission-group-draw-groups", id, "any"],
    queryFn: () => sdk.client.fetch<{ count: number }>(`/admin/fission/group-draws/${id}/groups`, { query: { limit: 1 } }),
  })

  const campaign = campaignQuery.data?.group_draw
  if (campaignQuery.isLoading) return <Text>Loading…</Text>
  if (!campaign) return <Text>Campaign not found.</Text>
  const locked = (anyGroup.data?.count ?? 0) > 0
  const count = groupsQuery.data?.count ?? 0

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["fission-group-draws"] })
  const setCampaignStatus = async (next: Campaign["status"]) => {
    try {
      await sdk.client.fetch(`/admin/fission/group-draws/${id}`, { method: "POST", body: { status: next } })
      toast.success(`${campaign.title}: ${next}`)
      await refresh()
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4">
        <div className="flex items-start justify-between">
          <div>
            <Text size="small" className="text-ui-fg-subtle">
              <Link to="/group-draws" className="text-ui-fg-interactive">
                Group draws
              </Link>{" "}
              / {campaign.id}
            </Text>
            <div className="flex items-center gap-x-2">
              <Heading>{campaign.title}</Heading>
              <Badge size="2xsmall" color={statusColor(campaign.status)}>
                {campaign.status}
              </Badge>
            </div>
            {campaign.description && <Text size="small">{campaign.description}</Text>}
          </div>
          <div className="flex gap-x-2">
            {campaign.status !== "active" && (
              <Button size="small" variant="secondary" onClick={() => setCampaignStatus("active")}>
                Activate
              </Button>
            )}
            {campaign.status === "active" && (
              <Button size="small" variant="secondary" onClick={() => setCampaignStatus("ended")}>
                End
              </Button>
            )}
            <Button size="small" onClick={() => setEditing(true)}>
              Edit
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-4 gap-3">
          <Fact label="Price">{money(campaign.price, campaign.currency_code)}</Fact>
          <Fact label="Winners / group size">
            {campaign.winners} / {campaign.group_size}
          </Fact>
          <Fact label="Duration">
            {campaign.duration_hours} h{campaign.allow_early_draw ? " · early draw allowed" : ""}
          </Fact>
          <Fact label="Variant">
            <Link className="text-ui-fg-interactive" to={`/products/${campaign.product_id}`}>
              {campaign.variant_id}
            </Link>
          </Fact>
          <Fact label="Loser reward">{money(campaign.loser_reward)}</Fact>
          <Fact label="Red envelope">
            {money(campaign.red_envelope_amount)} ({campaign.red_envelope_split})
          </Fact>
          <Fact label="Winner shopping fund">{campaign.winner_shopping_fund_ratio * 100}% of the price</Fact>
          <Fact label="Visibility / daily limit">
            {campaign.visibility} · {campaign.max_groups_per_customer_per_day ?? "unlimited"} per customer per day
          </Fact>
          <Fact label="Shopper-defined groups">
            {campaign.allow_shopper_groups
              ? `N ${campaign.shopper_group_size_min ?? campaign.group_size}–${campaign.shopper_group_size_max ?? campaign.group_size}, K ${campaign.shopper_winners_min ?? campaign.winners}–${campaign.shopper_winners_max ?? campaign.winners}, ≤ ${campaign.shopper_duration_hours_max ?? campaign.duration_hours} h${campaign.allow_private_groups ? ", private allowed" : ""}`
              : "not allowed"}
          </Fact>
          <Fact label="Window">
            {when(campaign.starts_at)} – {when(campaign.ends_at)}
          </Fact>
        </div>
        {locked && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            This campaign has groups: its draw and money rules are locked.
          </Text>
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">Groups</Heading>
          <div className="w-36">
            <Select size="small" value={status} onValueChange={(v) => (setStatus(v), setPage(0))}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {GROUP_STATUSES.map((s) => (
                  <Select.Item key={s} value={s}>
                    {s}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        </div>
        {!groupsQuery.data?.groups.length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            {groupsQuery.isLoading ? "Loading…" : "No groups."}
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Group</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Seats</Table.HeaderCell>
                <Table.HeaderCell>K</Table.HeaderCell>
                <Table.HeaderCell>Deadline</Table.HeaderCell>
                <Table.HeaderCell>Refunds</Table.HeaderCell>
                <Table.HeaderCell>Visibility</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {groupsQuery.data.groups.map((g) => {
                const mine = [...refunds.values()].filter((r) => r.source_id === g.id)
                const failed = mine.filter((r) => r.status === "failed").length
                const refunded = mine.filter((r) => r.status === "succeeded").length
                const toRefund = mine.length
                return (
                  <Table.Row key={g.id} className="cursor-pointer" onClick={() => navigate(`/group-draws/${id}/groups/${g.id}`)}>
                    <Table.Cell className="font-mono text-xs">{g.id}</Table.Cell>
                    <Table.Cell>
                      <Badge size="2xsmall" color={statusColor(g.status)}>
                        {g.status}
                      </Badge>
                    </Table.Cell>
                    <Table.Cell>
                      {g.seats_taken}/{g.size}
                    </Table.Cell>
                    <Table.Cell>{g.winners}</Table.Cell>
                    <Table.Cell>{when(g.expires_at)}</Table.Cell>
                    <Table.Cell>
                      {toRefund ? `${refunded}/${toRefund} refunded` : "—"}
                      {failed ? (
                        <Badge size="2xsmall" color="red" className="ml-1">
                          {failed} failed
                        </Badge>
                      ) : null}
                    </Table.Cell>
                    <Table.Cell>
                      {g.visibility}
                      {g.shopper_defined ? " · shopper-defined" : ""}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
        )}
        <Table.Pagination
          count={count}
          pageSize={PAGE_SIZE}
          pageIndex={page}
          pageCount={Math.max(1, Math.ceil(count / PAGE_SIZE))}
          canPreviousPage={page > 0}
          canNextPage={(page + 1) * PAGE_SIZE < count}
          previousPage={() => setPage((p) => p - 1)}
          nextPage={() => setPage((p) => p + 1)}
        />
      </Container>

      <Container>
        <GroupStatsChart campaignId={id} />
      </Container>

      <CampaignFormDrawer
        open={editing}
        campaign={campaign}
        locked={locked}
        onClose={() => setEditing(false)}
        onSaved={async () => {
          setEditing(false)
          toast.success("Saved")
          await refresh()
        }}
      />
    </div>
  )
}

export default GroupDrawCampaignPage

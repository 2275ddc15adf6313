import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Select, Table, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { CampaignFormDrawer } from "../../components/campaign-form"
import { GroupStatsChart } from "../../components/stats-chart"
import { Campaign, money, statusColor } from "../../lib/group-draw"
import { sdk } from "@fission/core/admin-kit"

const PAGE_SIZE = 20

/** Campaigns list (SPEC §4 admin): create, open a campaign's detail, and the per-day chart. */
const GroupDrawsPage = () => {
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [status, setStatus] = useState("all")
  const [page, setPage] = useState(0)
  const [creating, setCreating] = useState(false)
  const { data, isLoading } = useQuery({
    queryKey: ["fission-group-draws", status, page],
    queryFn: () =>
      sdk.client.fetch<{ group_draws: Campaign[]; count: number }>("/admin/fission/group-draws", {
        query: { limit: PAGE_SIZE, offset: page * PAGE_SIZE, ...(status === "all" ? {} : { status }) },
      }),
  })
  const count = data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading>Group draws</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              K of N buyers win by a provably fair draw; the others are refunded in full and rewarded.
            </Text>
          </div>
          <div className="flex items-center gap-x-2">
            <div className="w-32">
              <Select size="small" value={status} onValueChange={(v) => (setStatus(v), setPage(0))}>
                <Select.Trigger>
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  {["all", "draft", "active", "ended"].map((s) => (
                    <Select.Item key={s} value={s}>
                      {s}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </div>
            <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
              Create
            </Button>
          </div>
        </div>
        {isLoading ? (
          <Text className="px-6 py-4">Loading…</Text>
        ) : !data?.group_draws.length ? (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            No campaigns yet.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Campaign</Table.HeaderCell>
                <Table.HeaderCell>Price</Table.HeaderCell>
                <Table.HeaderCell>K / N</Table.HeaderCell>
                <Table.HeaderCell>Loser reward</Table.HeaderCell>
                <Table.HeaderCell>Red envelope</Table.HeaderCell>
                <Table.HeaderCell>Shopper groups</Table.HeaderCell>
                <Table.HeaderCell>Visibility</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.group_draws.map((c) => (
                <Table.Row key={c.id} onClick={() => navigate(`/group-draws/${c.id}`)} className="cursor-pointer">
                  <Table.Cell>{c.title}</Table.Cell>
                  <Table.Cell>{money(c.price, c.currency_code)}</Table.Cell>
                  <Table.Cell>
                    {c.winners} / {c.group_size}
                  </Table.Cell>
                  <Table.Cell>{money(c.loser_reward)}</Table.Cell>
                  <Table.Cell>
                    {money(c.red_envelope_amount)} ({c.red_envelope_split})
                  </Table.Cell>
                  <Table.Cell>
                    {c.allow_shopper_groups
                      ? `N ${c.shopper_group_size_min ?? c.group_size}–${c.shopper_group_size_max ?? c.group_size}, K ${c.shopper_winners_min ?? c.winners}–${c.shopper_winners_max ?? c.winners}`
                      : "—"}
                  </Table.Cell>
                  <Table.Cell>{c.visibility}</Table.Cell>
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
        <GroupStatsChart />
      </Container>
      <CampaignFormDrawer
        open={creating}
        campaign={null}
        locked={false}
        onClose={() => setCreating(false)}
        onSaved={async (c) => {
          setCreating(false)
          toast.success(`${c.title} created`)
          await queryClient.invalidateQueries({ queryKey: ["fission-group-draws"] })
          navigate(`/group-draws/${c.id}`)
        }}
      />
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.groupDraws", translationNs: "fission-group-draw", icon: Users })

export default GroupDrawsPage

import { createDataTableColumnHelper, createDataTableFilterHelper, DataList, Stack, useServerList, useStoreFormat } from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Container, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { CampaignFormDrawer } from "../../components/campaign-form"
import { GroupStatsChart } from "../../components/stats-chart"
import { Campaign, statusColor } from "../../lib/group-draw"

const col = createDataTableColumnHelper<Campaign>()
const filter = createDataTableFilterHelper<Campaign>()

/** Campaigns list (SPEC §4 admin): create, open a campaign's detail, and the per-day chart. */
const GroupDrawsPage = () => {
  const { t } = useTranslation("fission-group-draw")
  const f = useStoreFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [creating, setCreating] = useState(false)
  const filters = useMemo(
    () => [
      filter.accessor("status", {
        type: "radio",
        label: t("campaigns.status"),
        options: ["draft", "active", "ended"].map((s) => ({ value: s, label: t(`status.${s}`) })),
      }),
    ],
    [t]
  )
  const list = useServerList<Campaign, { group_draws: Campaign[]; count: number }>({
    path: "/admin/fission/group-draws",
    rowsKey: "group_draws",
    queryKey: ["fission-group-draws", "list"],
    filters,
  })
  const columns = [
    col.accessor("title", { header: t("campaigns.campaign") }),
    col.accessor("price", { header: t("campaigns.price"), cell: ({ row: { original: c } }) => f.money(c.price, c.currency_code) }),
    col.accessor("winners", { header: t("campaigns.kOfN"), cell: ({ row: { original: c } }) => `${c.winners} / ${c.group_size}` }),
    col.accessor("loser_reward", { header: t("campaigns.loserReward"), cell: ({ row: { original: c } }) => f.money(c.loser_reward, c.currency_code) }),
    col.accessor("red_envelope_amount", {
      header: t("campaigns.redEnvelope"),
      cell: ({ row: { original: c } }) => `${f.money(c.red_envelope_amount, c.currency_code)} (${t(`split.${c.red_envelope_split}`)})`,
    }),
    col.accessor("allow_shopper_groups", {
      header: t("campaigns.shopperGroups"),
      cell: ({ row: { original: c } }) =>
        c.allow_shopper_groups
          ? `N ${c.shopper_group_size_min ?? c.group_size}–${c.shopper_group_size_max ?? c.group_size}, K ${c.shopper_winners_min ?? c.winners}–${c.shopper_winners_max ?? c.winners}`
          : "—",
    }),
    col.accessor("visibility", { header: t("campaigns.visibility"), cell: ({ getValue }) => t(`visibility.${getValue()}`) }),
    col.accessor("status", {
      header: t("campaigns.status"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={statusColor(getValue())}>
          {t(`status.${getValue()}`)}
        </Badge>
      ),
    }),
  ]
  return (
    <Stack>
      <DataList
        list={list}
        columns={columns}
        title={t("campaigns.title")}
        subtitle={t("campaigns.subtitle")}
        empty={{ heading: t("campaigns.empty") }}
        onRowClick={(c) => navigate(`/group-draws/${c.id}`)}
        actions={
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            {t("campaigns.create")}
          </Button>
        }
      />
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
          toast.success(t("campaigns.created", { title: c.title }))
          await queryClient.invalidateQueries({ queryKey: ["fission-group-draws"] })
          navigate(`/group-draws/${c.id}`)
        }}
      />
    </Stack>
  )
}

export const config = defineRouteConfig({ label: "nav.groupDraws", translationNs: "fission-group-draw", icon: Users })

export default GroupDrawsPage

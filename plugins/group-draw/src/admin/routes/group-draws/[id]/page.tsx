import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate, useParams } from "react-router-dom"
import { CampaignFormDrawer } from "../../../components/campaign-form"
import { GroupStatsChart } from "../../../components/stats-chart"
import { Campaign, Group, statusColor, useLoserRefunds } from "../../../lib/group-draw"
import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataList,
  errorMessage,
  Fact,
  sdk,
  Stack,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"

const GROUP_STATUSES = ["open", "full", "drawn", "refunding", "completed", "failed"]
const gCol = createDataTableColumnHelper<Group>()
const gFilter = createDataTableFilterHelper<Group>()


/** A campaign: its rules, status actions, edit form, live groups and its per-day chart. */
const GroupDrawCampaignPage = () => {
  const { id } = useParams() as { id: string }
  const { t } = useTranslation("fission-group-draw")
  const f = useStoreFormat()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState(false)
  const filters = useMemo(
    () => [gFilter.accessor("status", { type: "radio", label: t("campaigns.status"), options: GROUP_STATUSES.map((s) => ({ value: s, label: t(`groupStatus.${s}`) })) })],
    [t]
  )

  const campaignQuery = useQuery({
    queryKey: ["fission-group-draws", id],
    queryFn: () => sdk.client.fetch<{ group_draw: Campaign }>(`/admin/fission/group-draws/${id}`),
  })
  // live: seats fill and groups draw while the page is open
  const groups = useServerList<Group, { groups: Group[]; count: number }>({
    path: `/admin/fission/group-draws/${id}/groups`,
    rowsKey: "groups",
    queryKey: ["fission-group-draw-groups", id],
    filters,
    refetchInterval: 5000,
  })
  // loser refunds of the groups on this page, from core's refund-request API
  const refunds = useLoserRefunds({ group_ids: groups.rows.map((g) => g.id) }, 5000)
  const anyGroup = useQuery({
    queryKey: ["fission-group-draw-groups", id, "any"],
    queryFn: () => sdk.client.fetch<{ count: number }>(`/admin/fission/group-draws/${id}/groups`, { query: { limit: 1 } }),
  })

  const campaign = campaignQuery.data?.group_draw
  const groupColumns = [
    gCol.accessor("id", { header: t("groups.group"), cell: ({ getValue }) => <span className="font-mono text-xs">{getValue()}</span> }),
    gCol.accessor("status", {
      header: t("campaigns.status"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={statusColor(getValue())}>
          {t(`groupStatus.${getValue()}`)}
        </Badge>
      ),
    }),
    gCol.accessor("seats_taken", { header: t("groups.seats"), cell: ({ row: { original: g } }) => `${g.seats_taken}/${g.size}` }),
    gCol.accessor("winners", { header: "K" }),
    gCol.accessor("expires_at", { header: t("groups.deadline"), cell: ({ getValue }) => f.dateTime(getValue()) }),
    gCol.display({
      id: "refunds",
      header: t("groups.refunds"),
      cell: ({ row: { original: g } }) => {
        const mine = [...refunds.values()].filter((r) => r.source_id === g.id)
        const failed = mine.filter((r) => r.status === "failed").length
        const refunded = mine.filter((r) => r.status === "succeeded").length
        return (
          <>
            {mine.length ? t("groups.refunded", { refunded, total: mine.length }) : "—"}
            {failed ? (
              <Badge size="2xsmall" color="red" className="ml-1">
                {t("groups.failed", { count: failed })}
              </Badge>
            ) : null}
          </>
        )
      },
    }),
    gCol.accessor("visibility", {
      header: t("campaigns.visibility"),
      cell: ({ row: { original: g } }) => `${t(`visibility.${g.visibility}`)}${g.shopper_defined ? ` · ${t("groups.shopperDefined")}` : ""}`,
    }),
  ]

  if (campaignQuery.isLoading) return <Text>{t("common.loading")}</Text>
  if (!campaign) return <Text>{t("detail.notFound")}</Text>
  const locked = (anyGroup.data?.count ?? 0) > 0
  const cur = campaign.currency_code

  const refresh = () => queryClient.invalidateQueries({ queryKey: ["fission-group-draws"] })
  const setCampaignStatus = async (next: Campaign["status"]) => {
    try {
      await sdk.client.fetch(`/admin/fission/group-draws/${id}`, { method: "POST", body: { status: next } })
      toast.success(`${campaign.title}: ${t(`status.${next}`)}`)
      await refresh()
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <Stack>
      <Container className="flex flex-col gap-y-4">
        <div className="flex items-start justify-between">
          <div>
            <Text size="small" className="text-ui-fg-subtle">
              <Link to="/group-draws" className="text-ui-fg-interactive">
                {t("campaigns.title")}
              </Link>{" "}
              / {campaign.id}
            </Text>
            <div className="flex items-center gap-x-2">
              <Heading>{campaign.title}</Heading>
              <Badge size="2xsmall" color={statusColor(campaign.status)}>
                {t(`status.${campaign.status}`)}
              </Badge>
            </div>
            {campaign.description && <Text size="small">{campaign.description}</Text>}
          </div>
          <div className="flex gap-x-2">
            {campaign.status !== "active" && (
              <Button size="small" variant="secondary" onClick={() => setCampaignStatus("active")}>
                {t("detail.activate")}
              </Button>
            )}
            {campaign.status === "active" && (
              <Button size="small" variant="secondary" onClick={() => setCampaignStatus("ended")}>
                {t("detail.end")}
              </Button>
            )}
            <Button size="small" onClick={() => setEditing(true)}>
              {t("common.edit")}
            </Button>
          </div>
        </div>
        <div className="grid grid-cols-4 gap-3">
          <Fact label={t("campaigns.price")}>{f.money(campaign.price, cur)}</Fact>
          <Fact label={t("detail.winnersSize")}>
            {campaign.winners} / {campaign.group_size}
          </Fact>
          <Fact label={t("detail.duration")}>
            {t("detail.hours", { count: campaign.duration_hours })}
            {campaign.allow_early_draw ? ` · ${t("detail.earlyDraw")}` : ""}
          </Fact>
          <Fact label={t("detail.variant")}>
            <Link className="text-ui-fg-interactive" to={`/products/${campaign.product_id}`}>
              {campaign.variant_id}
            </Link>
          </Fact>
          <Fact label={t("campaigns.loserReward")}>{f.money(campaign.loser_reward, cur)}</Fact>
          <Fact label={t("campaigns.redEnvelope")}>
            {f.money(campaign.red_envelope_amount, cur)} ({t(`split.${campaign.red_envelope_split}`)})
          </Fact>
          <Fact label={t("detail.winnerFund")}>{t("detail.ofPrice", { percent: campaign.winner_shopping_fund_ratio * 100 })}</Fact>
          <Fact label={t("detail.visibilityLimit")}>
            {t(`visibility.${campaign.visibility}`)} · {t("detail.perDay", { limit: campaign.max_groups_per_customer_per_day ?? t("detail.unlimited") })}
          </Fact>
          <Fact label={t("detail.shopperGroups")}>
            {campaign.allow_shopper_groups
              ? `N ${campaign.shopper_group_size_min ?? campaign.group_size}–${campaign.shopper_group_size_max ?? campaign.group_size}, K ${campaign.shopper_winners_min ?? campaign.winners}–${campaign.shopper_winners_max ?? campaign.winners}, ≤ ${campaign.shopper_duration_hours_max ?? campaign.duration_hours} h${campaign.allow_private_groups ? `, ${t("detail.privateAllowed")}` : ""}`
              : t("detail.notAllowed")}
          </Fact>
          <Fact label={t("detail.window")}>
            {f.dateTime(campaign.starts_at)} – {f.dateTime(campaign.ends_at)}
          </Fact>
        </div>
        {locked && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("detail.locked")}
          </Text>
        )}
      </Container>

      <DataList
        list={groups}
        columns={groupColumns}
        title={t("groups.title")}
        empty={{ heading: t("groups.empty") }}
        onRowClick={(g) => navigate(`/group-draws/${id}/groups/${g.id}`)}
      />

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
          toast.success(t("detail.saved"))
          await refresh()
        }}
      />
    </Stack>
  )
}

export default GroupDrawCampaignPage

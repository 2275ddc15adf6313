import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataList,
  Field,
  fieldId,
  FormDrawer,
  PromptDrawer,
  sdk,
  TextPrompt,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"
import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, Copy, DropdownMenu, IconButton, Select, StatusBadge, toast } from "@medusajs/ui"
import { useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { CustomerLink } from "../../../components/customer-link"
import { distKeys, Promoter, PromoterList, PROMOTER_STATUS_COLOR, PROMOTER_STATUSES, Rank } from "../../../lib/distribution"
import { useRanks } from "../../../lib/queries"

const AUTOMATIC = "automatic"
const col = createDataTableColumnHelper<Promoter>()
const filter = createDataTableFilterHelper<Promoter>()

/** Rank override: pick a rank, or "automatic" to let the promotion rules decide again. */
function RankDrawer({ promoter, ranks, onClose }: { promoter: Promoter; ranks: Rank[]; onClose: () => void }) {
  const { t } = useTranslation("fission-distribution")
  const queryClient = useQueryClient()
  const [selected, setSelected] = useState(promoter.rank_overridden && promoter.rank_id ? promoter.rank_id : AUTOMATIC)
  const save = async () => {
    await sdk.client.fetch(`/admin/fission/promoters/${promoter.id}/rank`, {
      method: "POST",
      body: { rank_id: selected === AUTOMATIC ? null : selected },
    })
    toast.success(t("promoters.rankSaved"))
    queryClient.invalidateQueries({ queryKey: distKeys.all })
  }
  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("promoters.rankTitle")}
      description={t("promoters.rankDescription")}
      fields={["rank_id"]}
      onSubmit={save}
    >
      <Field name="rank_id" label={t("promoters.rank")}>
        <Select value={selected} onValueChange={setSelected}>
          <Select.Trigger id={fieldId("rank_id")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={AUTOMATIC}>{t("promoters.automatic")}</Select.Item>
            {ranks.map((r) => (
              <Select.Item key={r.id} value={r.id}>
                {r.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
    </FormDrawer>
  )
}

const PromotersPage = () => {
  const { t } = useTranslation("fission-distribution")
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const [prompt, setPrompt] = useState<TextPrompt | null>(null)
  const [ranking, setRanking] = useState<Promoter | null>(null)
  const ranks = useRanks()
  const rankList = ranks.data ?? []
  const filters = useMemo(
    () => [
      filter.accessor("status", { type: "radio", label: t("promoters.status"), options: PROMOTER_STATUSES.map((s) => ({ value: s, label: t(`promoterStatus.${s}`) })) }),
      filter.accessor("rank_id", { type: "radio", label: t("promoters.rank"), options: rankList.map((r) => ({ value: r.id, label: r.name })) }),
    ],
    [t, rankList]
  )
  const list = useServerList<Promoter, PromoterList>({
    path: "/admin/fission/promoters",
    rowsKey: "promoters",
    queryKey: distKeys.scope("promoters", "list"),
    filters,
    search: true,
  })
  const rankName = (id: string | null) => rankList.find((r) => r.id === id)?.name

  const act = (p: Promoter, action: "disable" | "enable") =>
    setPrompt({
      title: t(`promoters.${action}Title`),
      description: t(`promoters.${action}Description`),
      label: t("promoters.reasonOptional"),
      name: "reason",
      submitLabel: t(`promoters.${action}`),
      destructive: action === "disable",
      onSubmit: async (reason) => {
        await sdk.client.fetch(`/admin/fission/promoters/${p.id}/${action}`, { method: "POST", body: reason ? { reason } : {} })
        toast.success(t(`promoters.${action}d`))
        queryClient.invalidateQueries({ queryKey: distKeys.all })
      },
    })

  const columns = [
    col.accessor("customer_id", { header: t("promoters.customer"), cell: ({ row: { original: p } }) => <CustomerLink customer={p.customer ?? { id: p.customer_id }} /> }),
    col.accessor("code", {
      header: t("promoters.code"),
      cell: ({ getValue }) => (
        <div className="flex items-center gap-x-1">
          <span className="font-mono txt-compact-small">{getValue()}</span>
          <Copy content={getValue()} />
        </div>
      ),
    }),
    col.accessor("status", { header: t("promoters.status"), cell: ({ getValue }) => <StatusBadge color={PROMOTER_STATUS_COLOR[getValue()]}>{t(`promoterStatus.${getValue()}`)}</StatusBadge> }),
    col.accessor("rank_id", {
      header: t("promoters.rank"),
      cell: ({ row: { original: p } }) => (
        <div className="flex items-center gap-x-1">
          <span>{rankName(p.rank_id) ?? <span className="text-ui-fg-muted">{t("promoters.defaultRank")}</span>}</span>
          {p.rank_overridden && (
            <Badge size="2xsmall" color="purple">
              {t("promoters.override")}
            </Badge>
          )}
        </div>
      ),
    }),
    col.display({
      id: "team",
      header: t("promoters.team"),
      cell: ({ row: { original: p } }) => <span className="tabular-nums">{`${p.counts.level1} / ${p.counts.level2} / ${p.counts.level3}`}</span>,
    }),
    col.accessor("source", { header: t("promoters.source"), cell: ({ getValue }) => t(`promoterSource.${getValue()}`) }),
    col.accessor("created_at", { header: t("promoters.since"), cell: ({ row: { original: p } }) => <span className="whitespace-nowrap">{f.date(p.activated_at ?? p.created_at)}</span> }),
    col.display({
      id: "actions",
      cell: ({ row: { original: p } }) => (
        <div className="text-right">
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={t("promoters.actions")}>
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item onClick={() => setRanking(p)}>{t("promoters.changeRank")}</DropdownMenu.Item>
              {p.status === "active" && <DropdownMenu.Item onClick={() => act(p, "disable")}>{t("promoters.disableMenu")}</DropdownMenu.Item>}
              {p.status === "disabled" && <DropdownMenu.Item onClick={() => act(p, "enable")}>{t("promoters.enableMenu")}</DropdownMenu.Item>}
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
      ),
    }),
  ]

  return (
    <>
      <DataList list={list} columns={columns} title={t("promoters.title")} subtitle={t("promoters.subtitle")} empty={{ heading: t("promoters.empty") }} />
      <PromptDrawer prompt={prompt} onClose={() => setPrompt(null)} />
      {ranking && <RankDrawer promoter={ranking} ranks={rankList} onClose={() => setRanking(null)} />}
    </>
  )
}

export const config = defineRouteConfig({ label: "nav.promoters", translationNs: "fission-distribution", rank: 1 })

export default PromotersPage

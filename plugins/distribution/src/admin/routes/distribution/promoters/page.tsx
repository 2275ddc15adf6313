import { defineRouteConfig } from "@medusajs/admin-sdk"
import { EllipsisHorizontal } from "@medusajs/icons"
import { Badge, Button, Container, Copy, Drawer, DropdownMenu, IconButton, Input, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { CustomerLink } from "../../../components/customer-link"
import { ALL, FilterSelect } from "../../../components/filter-select"
import { Field, SectionHeader, TableNote } from "../../../components/section"
import {
  day,
  distKeys,
  errorMessage,
  label,
  Promoter,
  PromoterList,
  PROMOTER_STATUS_COLOR,
  PROMOTER_STATUSES,
  Rank,
} from "../../../lib/distribution"
import { useRanks } from "../../../lib/queries"
import { Pager, PromptDrawer, TextPrompt, sdk } from "@fission/core/admin-kit"

const PAGE_SIZE = 20
const AUTOMATIC = "automatic"

/** Rank override: pick a rank, or "automatic" to let the promotion rules decide again. */
function RankDrawer({ promoter, ranks, onClose }: { promoter: Promoter | null; ranks: Rank[]; onClose: () => void }) {
  const queryClient = useQueryClient()
  const [value, setValue] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const current = promoter ? (promoter.rank_overridden && promoter.rank_id ? promoter.rank_id : AUTOMATIC) : AUTOMATIC
  const selected = value ?? current
  const save = async () => {
    if (!promoter) return
    setBusy(true)
    setError(null)
    try {
      await sdk.client.fetch(`/admin/fission/promoters/${promoter.id}/rank`, {
        method: "POST",
        body: { rank_id: selected === AUTOMATIC ? null : selected },
      })
      toast.success("Rank saved")
      queryClient.invalidateQueries({ queryKey: distKeys.all })
      setValue(null)
      onClose()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Drawer
      open={promoter !== null}
      onOpenChange={(open) => {
        if (!open) {
          setValue(null)
          setError(null)
          onClose()
        }
      }}
    >
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>Rank override</Drawer.Title>
          <Drawer.Description className="txt-small text-ui-fg-subtle">
            An overridden rank stays until you set it back to automatic; automatic ranks follow the promotion rules.
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4">
          <Field label="Rank" htmlFor="promoter-rank">
            <Select value={selected} onValueChange={setValue}>
              <Select.Trigger id="promoter-rank">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={AUTOMATIC}>Automatic (promotion rules)</Select.Item>
                {ranks.map((r) => (
                  <Select.Item key={r.id} value={r.id}>
                    {r.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          {error && (
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              Cancel
            </Button>
          </Drawer.Close>
          <Button size="small" isLoading={busy} onClick={save}>
            Save
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}

const PromotersPage = () => {
  const queryClient = useQueryClient()
  const [q, setQ] = useState("")
  const [status, setStatus] = useState(ALL)
  const [rankId, setRankId] = useState(ALL)
  const [pageIndex, setPageIndex] = useState(0)
  const [prompt, setPrompt] = useState<TextPrompt | null>(null)
  const [ranking, setRanking] = useState<Promoter | null>(null)
  const ranks = useRanks()
  const rankList = ranks.data?.ranks ?? []

  const query = {
    q: q.trim() || undefined,
    status: status === ALL ? undefined : status,
    rank_id: rankId === ALL ? undefined : rankId,
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  }
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("promoters", query),
    queryFn: () => sdk.client.fetch<PromoterList>("/admin/fission/promoters", { query }),
    placeholderData: keepPreviousData,
  })
  const count = data?.count ?? 0
  const rankName = (id: string | null) => rankList.find((r) => r.id === id)?.name

  const act = (p: Promoter, action: "disable" | "enable") =>
    setPrompt({
      title: action === "disable" ? "Disable promoter" : "Enable promoter",
      description:
        action === "disable"
          ? "A disabled promoter keeps their history and team but earns no new commission."
          : "The promoter earns commission again on new orders.",
      label: "Reason (optional, kept with the promoter)",
      submitLabel: action === "disable" ? "Disable" : "Enable",
      destructive: action === "disable",
      onSubmit: async (reason) => {
        await sdk.client.fetch(`/admin/fission/promoters/${p.id}/${action}`, { method: "POST", body: reason ? { reason } : {} })
        toast.success(action === "disable" ? "Promoter disabled" : "Promoter enabled")
        queryClient.invalidateQueries({ queryKey: distKeys.all })
      },
    })

  return (
    <Container className="divide-y p-0">
      <SectionHeader title="Promoters" subtitle="Customers who can earn commission, with their code, rank and team." />
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <Input
          size="small"
          type="search"
          className="w-[260px]"
          placeholder="Search code, name, phone, e-mail"
          value={q}
          onChange={(e) => {
            setQ(e.target.value)
            setPageIndex(0)
          }}
        />
        <FilterSelect
          value={status}
          onChange={(v) => {
            setStatus(v)
            setPageIndex(0)
          }}
          allLabel="All statuses"
          options={PROMOTER_STATUSES.map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect
          value={rankId}
          onChange={(v) => {
            setRankId(v)
            setPageIndex(0)
          }}
          allLabel="All ranks"
          options={rankList.map((r) => ({ value: r.id, label: r.name }))}
        />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Code</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Rank</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Team L1 / L2 / L3</Table.HeaderCell>
            <Table.HeaderCell>Source</Table.HeaderCell>
            <Table.HeaderCell>Since</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.promoters.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <CustomerLink customer={p.customer ?? { id: p.customer_id }} />
              </Table.Cell>
              <Table.Cell>
                <div className="flex items-center gap-x-1">
                  <span className="font-mono txt-compact-small">{p.code}</span>
                  <Copy content={p.code} />
                </div>
              </Table.Cell>
              <Table.Cell>
                <StatusBadge color={PROMOTER_STATUS_COLOR[p.status]}>{p.status}</StatusBadge>
              </Table.Cell>
              <Table.Cell>
                <div className="flex items-center gap-x-1">
                  <span>{rankName(p.rank_id) ?? <span className="text-ui-fg-muted">default</span>}</span>
                  {p.rank_overridden && (
                    <Badge size="2xsmall" color="purple">
                      override
                    </Badge>
                  )}
                </div>
              </Table.Cell>
              <Table.Cell className="text-right tabular-nums">
                {p.counts.level1} / {p.counts.level2} / {p.counts.level3}
              </Table.Cell>
              <Table.Cell>{label(p.source)}</Table.Cell>
              <Table.Cell className="whitespace-nowrap">{day(p.activated_at ?? p.created_at)}</Table.Cell>
              <Table.Cell className="text-right">
                <DropdownMenu>
                  <DropdownMenu.Trigger asChild>
                    <IconButton size="small" variant="transparent" aria-label="Actions">
                      <EllipsisHorizontal />
                    </IconButton>
                  </DropdownMenu.Trigger>
                  <DropdownMenu.Content align="end">
                    <DropdownMenu.Item onClick={() => setRanking(p)}>Change rank…</DropdownMenu.Item>
                    {p.status === "active" && <DropdownMenu.Item onClick={() => act(p, "disable")}>Disable…</DropdownMenu.Item>}
                    {p.status === "disabled" && <DropdownMenu.Item onClick={() => act(p, "enable")}>Enable…</DropdownMenu.Item>}
                  </DropdownMenu.Content>
                </DropdownMenu>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableNote loading={isLoading} error={isError ? errorMessage(error) : null} empty={!!data && !data.promoters.length} emptyText="No promoters match." />
      <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      <PromptDrawer prompt={prompt} onClose={() => setPrompt(null)} />
      <RankDrawer promoter={ranking} ranks={rankList} onClose={() => setRanking(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.promoters", translationNs: "fission-distribution", rank: 1 })

export default PromotersPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Badge, Copy, Drawer, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { useTranslation } from "react-i18next"
import { createDataTableColumnHelper, DataList, sdk, useServerList, useStoreFormat } from "../../../admin-kit"

// Mirrors the admin API (`GET /admin/fission/draws[/:id]`); the seed is null until drawn.
type AdminDraw = {
  id: string
  version: string
  kind: string
  // null for a committed round > 0 of a seed chain (its commitment is the previous round's seed)
  commitment: string | null
  chain: { head: string; length: number } | null
  seed: string | null
  inputs: { campaign_id: string; round: number; participants?: { id: string; client_seed?: string | null }[]; params: unknown } | null
  outcome: ({ digest?: string } & Record<string, unknown>) | null
  status: "committed" | "drawn"
  source_type: string
  source_id: string
  round: number
  drawn_at: string | null
  created_at: string
  verification: { valid: boolean; errors: string[] } | null
}
type DrawList = { draws: AdminDraw[]; count: number; offset: number; limit: number }

const short = (hex: string | null) => (hex ? `${hex.slice(0, 10)}…${hex.slice(-6)}` : "—")

function StatusBadge({ draw }: { draw: AdminDraw }) {
  const { t } = useTranslation("fission-core")
  if (draw.status === "committed") return <Badge color="blue" size="2xsmall">{t("draws.committed")}</Badge>
  if (draw.verification?.valid) return <Badge color="green" size="2xsmall">{t("draws.drawnValid")}</Badge>
  return <Badge color="red" size="2xsmall">{t("draws.drawnInvalid")}</Badge>
}

function Json({ value }: { value: unknown }) {
  return (
    <pre className="bg-ui-bg-subtle txt-compact-xsmall font-mono max-h-64 overflow-auto whitespace-pre-wrap break-all rounded-md p-2">
      {JSON.stringify(value, null, 2)}
    </pre>
  )
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-1">
      <Text size="small" weight="plus">
        {label}
      </Text>
      {children}
    </div>
  )
}

function usePublishableKey() {
  // Only to prefill the verify command; any publishable key of the store works.
  const { data } = useQuery({
    queryKey: ["fission-draws", "publishable-key"],
    queryFn: () =>
      sdk.client.fetch<{ api_keys: { token: string }[] }>("/admin/api-keys", {
        query: { type: "publishable", limit: 1 },
      }),
  })
  return data?.api_keys?.[0]?.token ?? "<publishable key>"
}

function DrawDetail({ id }: { id: string }) {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const publishableKey = usePublishableKey()
  const { data, isLoading, isError } = useQuery({
    queryKey: ["fission-draws", id],
    queryFn: () => sdk.client.fetch<{ draw: AdminDraw }>(`/admin/fission/draws/${id}`),
  })
  if (isLoading) return <Text size="small">{t("common.loading")}</Text>
  if (isError || !data) return <Text size="small">{t("draws.loadFailed")}</Text>
  const draw = data.draw
  const origin = typeof window !== "undefined" ? window.location.origin : ""
  const base = (__BACKEND_URL__ && __BACKEND_URL__ !== "/" ? __BACKEND_URL__ : origin).replace(/\/$/, "")
  const command = `npx fission-verify ${base}/store/fission/draws/${draw.id} --key ${publishableKey}`

  return (
    <div className="flex flex-col gap-y-4">
      <Field label={t("draws.status")}>
        <div className="flex items-center gap-x-2">
          <StatusBadge draw={draw} />
          <Text size="small">{draw.status === "drawn" ? t("draws.drawnWhen", { at: f.dateTime(draw.drawn_at) }) : t("draws.seedSecret")}</Text>
        </div>
        {draw.verification && !draw.verification.valid && (
          <Text size="small" className="text-ui-fg-error">
            {draw.verification.errors.join("; ")}
          </Text>
        )}
      </Field>
      <Field label={t("draws.source")}>
        <Text size="small" className="font-mono">
          {draw.source_type} · {draw.source_id} · {t("draws.round", { round: draw.round })} · {draw.kind}
        </Text>
      </Field>
      <Field label={t("draws.commitmentLabel")}>
        <Text size="small" className="font-mono break-all">
          {draw.commitment ?? t("draws.chainedCommitment")}
        </Text>
      </Field>
      {draw.chain && (
        <Field label={t("draws.seedChain", { round: draw.round + 1, length: draw.chain.length })}>
          <Text size="small" className="font-mono break-all">
            {t("draws.head", { head: draw.chain.head })}
          </Text>
        </Field>
      )}
      <Field label={t("draws.seed")}>
        <Text size="small" className="font-mono break-all">
          {draw.seed ?? t("draws.seedHidden")}
        </Text>
      </Field>
      {draw.inputs && (
        <Field label={t("draws.inputs", { count: draw.inputs.participants?.length ?? 0 })}>
          <Json value={draw.inputs} />
        </Field>
      )}
      {draw.outcome?.digest && (
        <Field label={t("draws.digest")}>
          <Text size="small" className="font-mono break-all">
            {draw.outcome.digest}
          </Text>
        </Field>
      )}
      {draw.outcome != null && (
        <Field label={t("draws.outcome")}>
          <Json value={draw.outcome} />
        </Field>
      )}
      <Field label={t("draws.verify")}>
        <div className="bg-ui-bg-subtle flex items-start gap-x-2 rounded-md p-2">
          <code className="txt-compact-xsmall font-mono flex-1 break-all">{command}</code>
          <Copy content={command} />
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("draws.verifyHint")}
        </Text>
      </Field>
    </div>
  )
}

const col = createDataTableColumnHelper<AdminDraw>()

const FairDrawsPage = () => {
  const { t } = useTranslation("fission-core")
  const f = useStoreFormat()
  const [selected, setSelected] = useState<string | null>(null)
  const list = useServerList<AdminDraw, DrawList>({ path: "/admin/fission/draws", rowsKey: "draws", queryKey: ["fission-draws", "list"] })
  const columns = [
    col.accessor("kind", { header: t("draws.kind") }),
    col.accessor("source_id", {
      header: t("draws.source"),
      cell: ({ row: { original: draw } }) => (
        <span className="font-mono">
          {draw.source_type} · {draw.source_id}
          {draw.round ? ` · #${draw.round}` : ""}
        </span>
      ),
    }),
    col.accessor("status", { header: t("draws.status"), cell: ({ row }) => <StatusBadge draw={row.original} /> }),
    col.accessor("commitment", { header: t("draws.commitment"), cell: ({ getValue }) => <span className="font-mono">{short(getValue())}</span> }),
    col.accessor("drawn_at", { header: t("draws.drawnAt"), cell: ({ getValue }) => f.dateTime(getValue()) }),
  ]

  return (
    <>
      <DataList
        list={list}
        columns={columns}
        title={t("draws.title")}
        subtitle={t("draws.subtitle")}
        empty={{ heading: t("draws.empty") }}
        onRowClick={(draw) => setSelected(draw.id)}
      />
      <Drawer open={selected !== null} onOpenChange={(open) => !open && setSelected(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>{t("draws.drawTitle", { id: selected })}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="overflow-y-auto">{selected && <DrawDetail id={selected} />}</Drawer.Body>
        </Drawer.Content>
      </Drawer>
    </>
  )
}

export const config = defineRouteConfig({
  label: "nav.draws", translationNs: "fission-core",
  icon: Sparkles,
})

export default FairDrawsPage

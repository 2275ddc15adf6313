import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Badge, Container, Copy, Drawer, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { ReactNode, useState } from "react"
import { sdk } from "../../../admin-kit"

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

const PAGE_SIZE = 20

const short = (hex: string | null) => (hex ? `${hex.slice(0, 10)}…${hex.slice(-6)}` : "—")
const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—")

function StatusBadge({ draw }: { draw: AdminDraw }) {
  if (draw.status === "committed") return <Badge color="blue" size="2xsmall">committed</Badge>
  if (draw.verification?.valid) return <Badge color="green" size="2xsmall">drawn · VALID</Badge>
  return <Badge color="red" size="2xsmall">drawn · INVALID</Badge>
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
  const publishableKey = usePublishableKey()
  const { data, isLoading, isError } = useQuery({
    queryKey: ["fission-draws", id],
    queryFn: () => sdk.client.fetch<{ draw: AdminDraw }>(`/admin/fission/draws/${id}`),
  })
  if (isLoading) return <Text size="small">Loading…</Text>
  if (isError || !data) return <Text size="small">Could not load the draw.</Text>
  const draw = data.draw
  const origin = typeof window !== "undefined" ? window.location.origin : ""
  const base = (__BACKEND_URL__ && __BACKEND_URL__ !== "/" ? __BACKEND_URL__ : origin).replace(/\/$/, "")
  const command = `npx fission-verify ${base}/store/fission/draws/${draw.id} --key ${publishableKey}`

  return (
    <div className="flex flex-col gap-y-4">
      <Field label="Status">
        <div className="flex items-center gap-x-2">
          <StatusBadge draw={draw} />
          <Text size="small">{draw.status === "drawn" ? `drawn ${when(draw.drawn_at)}` : "seed secret until the draw"}</Text>
        </div>
        {draw.verification && !draw.verification.valid && (
          <Text size="small" className="text-ui-fg-error">
            {draw.verification.errors.join("; ")}
          </Text>
        )}
      </Field>
      <Field label="Source">
        <Text size="small" className="font-mono">
          {draw.source_type} · {draw.source_id} · round {draw.round} · {draw.kind}
        </Text>
      </Field>
      <Field label="Commitment (sha256 of the seed)">
        <Text size="small" className="font-mono break-all">
          {draw.commitment ?? "— the previous round's seed, public once that round is drawn —"}
        </Text>
      </Field>
      {draw.chain && (
        <Field label={`Seed chain (round ${draw.round + 1} of ${draw.chain.length})`}>
          <Text size="small" className="font-mono break-all">
            head {draw.chain.head}
          </Text>
        </Field>
      )}
      <Field label="Seed">
        <Text size="small" className="font-mono break-all">
          {draw.seed ?? "— not revealed before the draw —"}
        </Text>
      </Field>
      {draw.inputs && (
        <Field label={`Inputs (${draw.inputs.participants?.length ?? 0} participants, in draw order)`}>
          <Json value={draw.inputs} />
        </Field>
      )}
      {draw.outcome?.digest && (
        <Field label="Digest of the inputs (told to every participant)">
          <Text size="small" className="font-mono break-all">
            {draw.outcome.digest}
          </Text>
        </Field>
      )}
      {draw.outcome != null && (
        <Field label="Outcome">
          <Json value={draw.outcome} />
        </Field>
      )}
      <Field label="Verify it yourself">
        <div className="bg-ui-bg-subtle flex items-start gap-x-2 rounded-md p-2">
          <code className="txt-compact-xsmall font-mono flex-1 break-all">{command}</code>
          <Copy content={command} />
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle">
          Exit code 0 and VALID means the outcome follows from the committed seed and the public inputs, and the
          inputs are the ones the outcome's digest was fixed for. Participants add <code>--digest</code> with the
          digest they were told.
        </Text>
      </Field>
    </div>
  )
}

const FairDrawsPage = () => {
  const [pageIndex, setPageIndex] = useState(0)
  const [selected, setSelected] = useState<string | null>(null)
  const { data, isLoading } = useQuery({
    queryKey: ["fission-draws", "list", pageIndex],
    queryFn: () =>
      sdk.client.fetch<DrawList>("/admin/fission/draws", {
        query: { offset: pageIndex * PAGE_SIZE, limit: PAGE_SIZE },
      }),
  })
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <Heading level="h2">Fair draws</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every random choice that decides money or goods. The commitment is published when the draw is created;
          the seed is revealed after the draw so anyone can recompute the outcome.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Kind</Table.HeaderCell>
            <Table.HeaderCell>Source</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Commitment</Table.HeaderCell>
            <Table.HeaderCell>Drawn at</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.draws.map((draw) => (
            <Table.Row key={draw.id} className="cursor-pointer" onClick={() => setSelected(draw.id)}>
              <Table.Cell>{draw.kind}</Table.Cell>
              <Table.Cell>
                <span className="font-mono">
                  {draw.source_type} · {draw.source_id}
                  {draw.round ? ` · #${draw.round}` : ""}
                </span>
              </Table.Cell>
              <Table.Cell>
                <StatusBadge draw={draw} />
              </Table.Cell>
              <Table.Cell>
                <span className="font-mono">{short(draw.commitment)}</span>
              </Table.Cell>
              <Table.Cell>{when(draw.drawn_at)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {(isLoading || !data?.draws.length) && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            {isLoading ? "Loading…" : "No draws yet."}
          </Text>
        </div>
      )}
      <Table.Pagination
        count={count}
        pageSize={PAGE_SIZE}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={pageIndex + 1 < pageCount}
        previousPage={() => setPageIndex((p) => Math.max(0, p - 1))}
        nextPage={() => setPageIndex((p) => p + 1)}
      />
      <Drawer open={selected !== null} onOpenChange={(open) => !open && setSelected(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>Draw {selected}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="overflow-y-auto">{selected && <DrawDetail id={selected} />}</Drawer.Body>
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.draws", translationNs: "fission-core",
  icon: Sparkles,
})

export default FairDrawsPage

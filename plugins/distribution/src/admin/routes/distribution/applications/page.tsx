import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Container, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { CustomerLink } from "../../../components/customer-link"
import { ALL, FilterSelect } from "../../../components/filter-select"
import { SectionHeader, TableNote } from "../../../components/section"
import { distKeys, errorMessage, Promoter, PromoterList, PROMOTER_STATUS_COLOR, when } from "../../../lib/distribution"
import { Pager, PromptDrawer, TextPrompt, sdk } from "@fission/core/admin-kit"

const PAGE_SIZE = 20

/** Promoter applications (promoter_mode "apply"): approve, or reject with a reason the applicant can see. */
const ApplicationsPage = () => {
  const queryClient = useQueryClient()
  const confirm = usePrompt()
  const [status, setStatus] = useState<"applied" | "rejected">("applied")
  const [pageIndex, setPageIndex] = useState(0)
  const [prompt, setPrompt] = useState<TextPrompt | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const query = { status, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE }
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("promoters", query),
    queryFn: () => sdk.client.fetch<PromoterList>("/admin/fission/promoters", { query }),
    placeholderData: keepPreviousData,
  })
  const count = data?.count ?? 0
  const refresh = () => queryClient.invalidateQueries({ queryKey: distKeys.all })

  const approve = async (p: Promoter) => {
    const ok = await confirm({
      title: "Approve application?",
      description: `${p.customer?.email ?? p.customer_id} becomes an active promoter with code ${p.code}.`,
      confirmText: "Approve",
      cancelText: "Cancel",
    })
    if (!ok) return
    setBusy(p.id)
    try {
      await sdk.client.fetch(`/admin/fission/promoters/${p.id}/approve`, { method: "POST", body: {} })
      toast.success("Application approved")
      refresh()
    } catch (e) {
      toast.error("Could not approve", { description: errorMessage(e) })
    } finally {
      setBusy(null)
    }
  }
  const reject = (p: Promoter) =>
    setPrompt({
      title: "Reject application",
      description: `The reason is recorded and shown to ${p.customer?.email ?? "the applicant"}.`,
      label: "Reason",
      placeholder: "e.g. incomplete contact details",
      required: true,
      multiline: true,
      submitLabel: "Reject",
      destructive: true,
      onSubmit: async (reason) => {
        await sdk.client.fetch(`/admin/fission/promoters/${p.id}/reject`, { method: "POST", body: { reason } })
        toast.success("Application rejected")
        refresh()
      },
    })

  return (
    <Container className="divide-y p-0">
      <SectionHeader
        title="Promoter applications"
        subtitle="Customers who applied to become promoters (promoter mode: apply)."
        actions={
          <FilterSelect
            value={status === "applied" ? ALL : status}
            onChange={(v) => {
              setStatus(v === "rejected" ? "rejected" : "applied")
              setPageIndex(0)
            }}
            allLabel="Waiting for review"
            options={[{ value: "rejected", label: "Rejected" }]}
          />
        }
      />
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Applicant</Table.HeaderCell>
            <Table.HeaderCell>Real name</Table.HeaderCell>
            <Table.HeaderCell>Phone</Table.HeaderCell>
            <Table.HeaderCell>Note</Table.HeaderCell>
            <Table.HeaderCell>Applied</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.promoters.map((p) => (
            <Table.Row key={p.id}>
              <Table.Cell>
                <CustomerLink customer={p.customer ?? { id: p.customer_id }} />
              </Table.Cell>
              <Table.Cell>{p.real_name ?? <span className="text-ui-fg-muted">–</span>}</Table.Cell>
              <Table.Cell>{p.phone ?? <span className="text-ui-fg-muted">–</span>}</Table.Cell>
              <Table.Cell className="max-w-[260px]">
                <Text size="small" className="truncate" title={p.note ?? undefined}>
                  {p.status === "rejected" ? `Rejected: ${p.review_reason ?? "—"}` : p.note ?? "–"}
                </Text>
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">{when(p.created_at)}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={PROMOTER_STATUS_COLOR[p.status]}>{p.status}</StatusBadge>
              </Table.Cell>
              <Table.Cell>
                <div className="flex justify-end gap-x-2">
                  <Button size="small" variant="secondary" onClick={() => reject(p)} disabled={p.status !== "applied"}>
                    Reject
                  </Button>
                  <Button size="small" onClick={() => approve(p)} isLoading={busy === p.id}>
                    Approve
                  </Button>
                </div>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <TableNote
        loading={isLoading}
        error={isError ? errorMessage(error) : null}
        empty={!!data && !data.promoters.length}
        emptyText={status === "applied" ? "No applications are waiting." : "No rejected applications."}
      />
      <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      <PromptDrawer prompt={prompt} onClose={() => setPrompt(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "nav.applications", translationNs: "fission-distribution", rank: 2 })

export default ApplicationsPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Drawer, Input, Switch, Table, Tabs, Text, Textarea, toast } from "@medusajs/ui"
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { useSearchParams } from "react-router-dom"
import { CustomerLink } from "../../../components/customer-link"
import { Field, SectionHeader, Stat, TableNote } from "../../../components/section"
import { CustomerCard, day, distKeys, errorMessage, personName, ReferralTree, when } from "../../../lib/distribution"
import { Pager, sdk } from "@fission/core/admin-kit"
import { useCustomerCards } from "../../../lib/use-customers"

const PAGE_SIZE = 20
const DEPTH = 3

/** Finds customers by id, e-mail or name through Medusa's admin customers API. */
function useCustomerSearch(term: string) {
  const q = term.trim()
  return useQuery({
    queryKey: distKeys.scope("customer-search", q),
    enabled: q.length >= 2,
    queryFn: () =>
      q.startsWith("cus_")
        ? sdk.client.fetch<{ customers: CustomerCard[] }>("/admin/customers", { query: { id: [q], fields: "id,email,first_name,last_name" } })
        : sdk.client.fetch<{ customers: CustomerCard[] }>("/admin/customers", { query: { q, limit: 8, fields: "id,email,first_name,last_name" } }),
  })
}

function CustomerPicker({ onPick, placeholder }: { onPick: (c: CustomerCard) => void; placeholder: string }) {
  const [term, setTerm] = useState("")
  const { data, isFetching } = useCustomerSearch(term)
  return (
    <div className="flex flex-col gap-y-2">
      <Input size="small" type="search" placeholder={placeholder} value={term} onChange={(e) => setTerm(e.target.value)} />
      {term.trim().length >= 2 && (
        <div className="flex flex-col divide-y rounded-md border">
          {data?.customers.map((c) => (
            <button
              key={c.id}
              type="button"
              className="hover:bg-ui-bg-base-hover flex items-center justify-between px-3 py-2 text-left"
              onClick={() => {
                onPick(c)
                setTerm("")
              }}
            >
              <span className="txt-compact-small">{personName(c)}</span>
              <span className="txt-compact-xsmall text-ui-fg-subtle">{c.email}</span>
            </button>
          ))}
          {!data?.customers.length && (
            <Text size="small" className="text-ui-fg-subtle px-3 py-2">
              {isFetching ? "Searching…" : "No customer found."}
            </Text>
          )}
        </div>
      )}
    </div>
  )
}

/** Move the customer (with their team) under another referrer, or unbind; the reason is audited. */
function RebindForm({ tree, onDone }: { tree: ReferralTree; onDone: () => void }) {
  const queryClient = useQueryClient()
  const [referrer, setReferrer] = useState<CustomerCard | null>(null)
  const [unbind, setUnbind] = useState(false)
  const [reason, setReason] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await sdk.client.fetch(`/admin/fission/referrals/${tree.customer.id}/rebind`, {
        method: "POST",
        body: { referrer_id: unbind ? null : referrer?.id ?? null, reason: reason.trim() },
      })
      toast.success(unbind ? "Referral removed" : "Referrer changed")
      queryClient.invalidateQueries({ queryKey: distKeys.all })
      onDone()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>Change referrer of {personName(tree.customer)}</Drawer.Title>
        <Drawer.Description className="txt-small text-ui-fg-subtle">
          The customer's whole team moves along. Self-referral and cycles are refused. Recorded in the audit log with your reason.
        </Drawer.Description>
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <label className="flex items-center gap-x-2 txt-compact-small">
          <Switch checked={unbind} onCheckedChange={setUnbind} /> Remove the referrer (unbind)
        </label>
        {!unbind && (
          <Field label="New referrer">
            {referrer ? (
              <div className="flex items-center justify-between rounded-md border px-3 py-2">
                <CustomerLink customer={referrer} />
                <Button size="small" variant="transparent" type="button" onClick={() => setReferrer(null)}>
                  Change
                </Button>
              </div>
            ) : (
              <CustomerPicker onPick={setReferrer} placeholder="Search e-mail, name or cus_ id" />
            )}
          </Field>
        )}
        <Field label="Reason" htmlFor="rebind-reason">
          <Textarea id="rebind-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. customer registered with the wrong code" />
        </Field>
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={busy} disabled={!reason.trim() || (!unbind && !referrer)}>
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

function TreeView({ customerId, onOpen }: { customerId: string; onOpen: (id: string) => void }) {
  const [level, setLevel] = useState("1")
  const [pageIndex, setPageIndex] = useState(0)
  const [rebinding, setRebinding] = useState(false)
  const { data, isLoading, isError, error } = useQuery({
    queryKey: distKeys.scope("tree", customerId, pageIndex),
    queryFn: () =>
      sdk.client.fetch<{ tree: ReferralTree }>(`/admin/fission/referrals/${customerId}/tree`, {
        query: { depth: DEPTH, limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE },
      }),
    placeholderData: keepPreviousData,
  })
  const eventPeople = useCustomerCards(data?.tree.events.flatMap((e) => [e.referrer_id, e.previous_referrer_id]).filter((id): id is string => !!id) ?? [])
  if (isLoading) return <TableNote loading emptyText="" />
  if (isError || !data) return <TableNote error={errorMessage(error)} emptyText="" />
  const tree = data.tree
  const current = tree.downline.find((d) => String(d.level) === level)
  const count = current?.count ?? 0
  const nameOf = (id: string | null) => {
    if (!id) return "—"
    const known =
      [tree.customer, ...tree.upline.map((u) => u.customer), ...tree.downline.flatMap((d) => d.members.map((m) => m.customer))].find((c) => c.id === id) ??
      eventPeople.get(id)
    return known ? personName(known) : id
  }

  return (
    <>
      <Container className="divide-y p-0">
        <SectionHeader
          title={personName(tree.customer)}
          subtitle={tree.customer.email ?? tree.customer.id}
          actions={
            <Button size="small" variant="secondary" onClick={() => setRebinding(true)}>
              Change referrer
            </Button>
          }
        />
        <div className="flex flex-wrap gap-3 px-6 py-4">
          <Stat label="Level 1" value={tree.counts.level1} hint="direct referrals" />
          <Stat label="Level 2" value={tree.counts.level2} />
          <Stat label="Level 3" value={tree.counts.level3} hint="counted for ranks, never paid" />
          <Stat
            label="Referrer"
            value={tree.referral ? nameOf(tree.referral.referrer_id) : "none"}
            hint={
              tree.referral
                ? `${tree.referral.source}${tree.referral.code ? ` · ${tree.referral.code}` : ""} · since ${day(tree.referral.bound_at)}${
                    tree.referral.expired ? " · expired" : tree.referral.expires_at ? ` · expires ${day(tree.referral.expires_at)}` : ""
                  }`
                : undefined
            }
          />
        </div>
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            Upline (nearest first)
          </Text>
          {tree.upline.length ? (
            <div className="flex flex-wrap items-center gap-2">
              <Badge size="small">{personName(tree.customer)}</Badge>
              {tree.upline.map((u) => (
                <div key={u.customer.id} className="flex items-center gap-2">
                  <span className="text-ui-fg-muted">←</span>
                  <button type="button" onClick={() => onOpen(u.customer.id)} title={`level ${u.depth} · bound ${day(u.bound_at)}`}>
                    <Badge size="small" color={u.expired ? "grey" : u.depth <= 2 ? "blue" : "grey"}>
                      L{u.depth} · {personName(u.customer)}
                      {u.expired ? " (expired)" : ""}
                    </Badge>
                  </button>
                </div>
              ))}
              {tree.upline_truncated && <span className="text-ui-fg-muted">…</span>}
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              No referrer: this customer is a root of the referral forest.
            </Text>
          )}
          <Text size="xsmall" className="text-ui-fg-muted">
            Commission reaches at most the first 2 levels (blue).
          </Text>
        </div>
      </Container>
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Tabs
            value={level}
            onValueChange={(v) => {
              setLevel(v)
              setPageIndex(0)
            }}
          >
            <Tabs.List>
              {tree.downline.map((d) => (
                <Tabs.Trigger key={d.level} value={String(d.level)}>
                  Level {d.level} ({d.count})
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Member</Table.HeaderCell>
              <Table.HeaderCell>Referred by</Table.HeaderCell>
              <Table.HeaderCell>Bound</Table.HeaderCell>
              <Table.HeaderCell>Expires</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {current?.members.map((m) => (
              <Table.Row key={m.customer.id} className="cursor-pointer" onClick={() => onOpen(m.customer.id)}>
                <Table.Cell>
                  <CustomerLink customer={m.customer} />
                </Table.Cell>
                <Table.Cell>{nameOf(m.referrer_id)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap">{when(m.bound_at)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap">{m.expires_at ? day(m.expires_at) : "never"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <TableNote empty={!current?.members.length} emptyText={`No members at level ${level}.`} />
        <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      </Container>
      <Container className="divide-y p-0">
        <SectionHeader title="Binding history" level="h3" subtitle="Every bind, rebind and expiry of this customer (latest 20)." />
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>When</Table.HeaderCell>
              <Table.HeaderCell>Action</Table.HeaderCell>
              <Table.HeaderCell>Referrer</Table.HeaderCell>
              <Table.HeaderCell>Previous</Table.HeaderCell>
              <Table.HeaderCell>Source</Table.HeaderCell>
              <Table.HeaderCell>Reason</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {tree.events.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell className="whitespace-nowrap">{when(e.created_at)}</Table.Cell>
                <Table.Cell>{e.action}</Table.Cell>
                <Table.Cell>{nameOf(e.referrer_id)}</Table.Cell>
                <Table.Cell>{nameOf(e.previous_referrer_id)}</Table.Cell>
                <Table.Cell>{e.source}</Table.Cell>
                <Table.Cell className="max-w-[240px] truncate">{e.reason ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <TableNote empty={!tree.events.length} emptyText="No binding events recorded." />
      </Container>
      <Drawer open={rebinding} onOpenChange={setRebinding}>
        <Drawer.Content>{rebinding && <RebindForm tree={tree} onDone={() => setRebinding(false)} />}</Drawer.Content>
      </Drawer>
    </>
  )
}

/** Referral tree browser: a customer's upline and downline per level, with counts; rebind with a reason. */
const ReferralTreePage = () => {
  const [params, setParams] = useSearchParams()
  const customerId = params.get("customer_id")
  const open = (id: string) => setParams({ customer_id: id })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <SectionHeader title="Referral tree" subtitle="Find a customer by e-mail, name or id to see who referred them and their team." />
        <div className="px-6 py-4">
          <CustomerPicker onPick={(c) => open(c.id)} placeholder="Search e-mail, name or cus_ id" />
        </div>
      </Container>
      {customerId && <TreeView key={customerId} customerId={customerId} onOpen={open} />}
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.referrals", translationNs: "fission-distribution", rank: 3 })

export default ReferralTreePage

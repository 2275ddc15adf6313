import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Container, Input, Switch, Table, Tabs, Text, Textarea, toast } from "@medusajs/ui"
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { CustomerLink } from "../../../components/customer-link"
import { SectionHeader, Stat, TableNote } from "../../../components/section"
import { CustomerCard, distKeys, personName, ReferralTree } from "../../../lib/distribution"
import { errorMessage, Field, fieldId, FormDrawer, Pager, sdk, Section, Stack, useStoreFormat } from "@fission/core/admin-kit"

const NS = "fission-distribution"
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

/** A typeahead: the best few matches of the search term (not a list of customers). */
function CustomerPicker({ onPick, placeholder }: { onPick: (c: CustomerCard) => void; placeholder: string }) {
  const { t } = useTranslation(NS)
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
              {isFetching ? t("referrals.searching") : t("referrals.noCustomer")}
            </Text>
          )}
        </div>
      )}
    </div>
  )
}

/** Move the customer (with their team) under another referrer, or unbind; the reason is audited. A 400 is shown under its field. */
function RebindDrawer({ tree, onClose }: { tree: ReferralTree; onClose: () => void }) {
  const { t } = useTranslation(NS)
  const queryClient = useQueryClient()
  const [referrer, setReferrer] = useState<CustomerCard | null>(null)
  const [unbind, setUnbind] = useState(false)
  const [reason, setReason] = useState("")
  const submit = async () => {
    await sdk.client.fetch(`/admin/fission/referrals/${tree.customer.id}/rebind`, {
      method: "POST",
      body: { referrer_id: unbind ? null : referrer?.id ?? null, reason: reason.trim() },
    })
    toast.success(unbind ? t("referrals.removed") : t("referrals.changed"))
    queryClient.invalidateQueries({ queryKey: distKeys.all })
  }
  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("referrals.rebindTitle", { name: personName(tree.customer) })}
      description={t("referrals.rebindDescription")}
      disabled={!reason.trim() || (!unbind && !referrer)}
      fields={["referrer_id", "reason"]}
      onSubmit={submit}
    >
      <label className="flex items-center gap-x-2 txt-compact-small">
        <Switch checked={unbind} onCheckedChange={setUnbind} /> {t("referrals.unbind")}
      </label>
      {!unbind && (
        <Field name="referrer_id" label={t("referrals.newReferrer")}>
          {referrer ? (
            <div className="flex items-center justify-between rounded-md border px-3 py-2">
              <CustomerLink customer={referrer} />
              <Button size="small" variant="transparent" type="button" onClick={() => setReferrer(null)}>
                {t("referrals.change")}
              </Button>
            </div>
          ) : (
            <CustomerPicker onPick={setReferrer} placeholder={t("referrals.searchPlaceholder")} />
          )}
        </Field>
      )}
      <Field name="reason" label={t("withdrawals.reason")}>
        <Textarea id={fieldId("reason")} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t("referrals.reasonPlaceholder")} />
      </Field>
    </FormDrawer>
  )
}

function TreeView({ customerId, onOpen }: { customerId: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
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
              {t("referrals.changeReferrer")}
            </Button>
          }
        />
        <div className="flex flex-wrap gap-3 px-6 py-4">
          <Stat label={t("commissions.levelN", { level: 1 })} value={tree.counts.level1} hint={t("referrals.directReferrals")} />
          <Stat label={t("commissions.levelN", { level: 2 })} value={tree.counts.level2} />
          <Stat label={t("commissions.levelN", { level: 3 })} value={tree.counts.level3} hint={t("referrals.level3Hint")} />
          <Stat
            label={t("referrals.referrer")}
            value={tree.referral ? nameOf(tree.referral.referrer_id) : t("referrals.none")}
            hint={
              tree.referral
                ? `${tree.referral.source}${tree.referral.code ? ` · ${tree.referral.code}` : ""} · ${t("referrals.since", { date: f.date(tree.referral.bound_at) })}${
                    tree.referral.expired ? ` · ${t("referrals.expired")}` : tree.referral.expires_at ? ` · ${t("referrals.expires", { date: f.date(tree.referral.expires_at) })}` : ""
                  }`
                : undefined
            }
          />
        </div>
        <Section title={t("referrals.upline")}>
          {tree.upline.length ? (
            <div className="flex flex-wrap items-center gap-2">
              <Badge size="small">{personName(tree.customer)}</Badge>
              {tree.upline.map((u) => (
                <div key={u.customer.id} className="flex items-center gap-2">
                  <span className="text-ui-fg-muted">←</span>
                  <button type="button" onClick={() => onOpen(u.customer.id)} title={t("referrals.uplineTitle", { level: u.depth, date: f.date(u.bound_at) })}>
                    <Badge size="small" color={u.expired ? "grey" : u.depth <= 2 ? "blue" : "grey"}>
                      L{u.depth} · {personName(u.customer)}
                      {u.expired ? ` (${t("referrals.expired")})` : ""}
                    </Badge>
                  </button>
                </div>
              ))}
              {tree.upline_truncated && <span className="text-ui-fg-muted">…</span>}
            </div>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              {t("referrals.root")}
            </Text>
          )}
          <Text size="xsmall" className="text-ui-fg-muted">
            {t("referrals.twoLevels")}
          </Text>
        </Section>
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
                  {t("referrals.levelTab", { level: d.level, count: d.count })}
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("referrals.member")}</Table.HeaderCell>
              <Table.HeaderCell>{t("referrals.referredBy")}</Table.HeaderCell>
              <Table.HeaderCell>{t("referrals.bound")}</Table.HeaderCell>
              <Table.HeaderCell>{t("referrals.expiresColumn")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {current?.members.map((m) => (
              <Table.Row key={m.customer.id} className="cursor-pointer" onClick={() => onOpen(m.customer.id)}>
                <Table.Cell>
                  <CustomerLink customer={m.customer} />
                </Table.Cell>
                <Table.Cell>{nameOf(m.referrer_id)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap">{f.dateTime(m.bound_at)}</Table.Cell>
                <Table.Cell className="whitespace-nowrap">{m.expires_at ? f.date(m.expires_at) : t("referrals.never")}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <TableNote empty={!current?.members.length} emptyText={t("referrals.noMembers", { level })} />
        <Pager count={count} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      </Container>
      <Container className="divide-y p-0">
        <SectionHeader title={t("referrals.history")} level="h3" subtitle={t("referrals.historySubtitle")} />
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("referrals.when")}</Table.HeaderCell>
              <Table.HeaderCell>{t("referrals.action")}</Table.HeaderCell>
              <Table.HeaderCell>{t("referrals.referrer")}</Table.HeaderCell>
              <Table.HeaderCell>{t("referrals.previous")}</Table.HeaderCell>
              <Table.HeaderCell>{t("promoters.source")}</Table.HeaderCell>
              <Table.HeaderCell>{t("withdrawals.reason")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {tree.events.map((e) => (
              <Table.Row key={e.id}>
                <Table.Cell className="whitespace-nowrap">{f.dateTime(e.created_at)}</Table.Cell>
                <Table.Cell>{t(`referrals.actions.${e.action}`)}</Table.Cell>
                <Table.Cell>{nameOf(e.referrer_id)}</Table.Cell>
                <Table.Cell>{nameOf(e.previous_referrer_id)}</Table.Cell>
                <Table.Cell>{e.source}</Table.Cell>
                <Table.Cell className="max-w-[240px] truncate">{e.reason ?? "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <TableNote empty={!tree.events.length} emptyText={t("referrals.noEvents")} />
      </Container>
      {rebinding && <RebindDrawer tree={tree} onClose={() => setRebinding(false)} />}
    </>
  )
}

/** Referral tree browser: a customer's upline and downline per level, with counts; rebind with a reason. */
const ReferralTreePage = () => {
  const { t } = useTranslation(NS)
  const [params, setParams] = useSearchParams()
  const customerId = params.get("customer_id")
  const open = (id: string) => setParams({ customer_id: id })

  return (
    <Stack>
      <Container className="divide-y p-0">
        <SectionHeader title={t("nav.referrals")} subtitle={t("referrals.subtitle")} />
        <div className="px-6 py-4">
          <CustomerPicker onPick={(c) => open(c.id)} placeholder={t("referrals.searchPlaceholder")} />
        </div>
      </Container>
      {customerId && <TreeView key={customerId} customerId={customerId} onOpen={open} />}
    </Stack>
  )
}

export const config = defineRouteConfig({ label: "nav.referrals", translationNs: "fission-distribution", rank: 3 })

export default ReferralTreePage

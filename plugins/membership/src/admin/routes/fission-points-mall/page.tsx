import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Select, Switch, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, ReactNode, useState } from "react"
import { errorMessage, MemberLevel, membershipKeys } from "../../lib/membership"
import { CouponRule, MallItem, optionalNumber, pointsMallKeys } from "../../lib/points-mall"
import { sdk } from "@fission/core/admin-kit"

type Draft = Record<string, string>

const Field = ({ id, label, children }: { id: string; label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="small">
      {label}
    </Label>
    {children}
  </div>
)

const TextField = ({ name, label, draft, setDraft }: { name: string; label: string; draft: Draft; setDraft: (d: Draft) => void }) => (
  <Field id={`fission-mall-${name}`} label={label}>
    <Input id={`fission-mall-${name}`} size="small" value={draft[name] ?? ""} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
  </Field>
)

const useLevels = () =>
  useQuery({
    queryKey: membershipKeys.levels,
    queryFn: () => sdk.client.fetch<{ levels: MemberLevel[] }>("/admin/fission/membership/levels?limit=100"),
  })

const priceOf = (i: MallItem) =>
  i.kind === "product"
    ? Number(i.cash_price ?? 0) > 0
      ? `${i.points_cost} pts + ${i.cash_price}`
      : `${i.points_cost} pts`
    : i.kind === "store_credit"
      ? `${i.points_cost} pts → ${i.credit_amount} ${i.currency_code?.toUpperCase()}`
      : `${i.points_cost} pts`

const CatalogueSection = () => {
  const queryClient = useQueryClient()
  const levels = useLevels()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: pointsMallKeys.items,
    queryFn: () => sdk.client.fetch<{ items: MallItem[]; count: number }>("/admin/fission/points-mall/items?limit=100"),
  })
  const empty: Draft = { kind: "coupon", title: "", points_cost: "", template_promotion_id: "", variant_id: "", cash_price: "", credit_amount: "", currency_code: "cny", stock: "", per_customer_limit: "", level_id: "", starts_at: "", ends_at: "" }
  const [draft, setDraft] = useState<Draft>(empty)
  const refresh = () => queryClient.invalidateQueries({ queryKey: pointsMallKeys.items })
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/points-mall/items", { method: "POST", body }),
    onSuccess: () => {
      toast.success("Item added")
      setDraft(empty)
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      sdk.client.fetch(`/admin/fission/points-mall/items/${id}`, { method: "POST", body }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/fission/points-mall/items/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const body: Record<string, unknown> = {
      kind: draft.kind,
      title: draft.title,
      points_cost: optionalNumber(draft.points_cost),
      stock: optionalNumber(draft.stock),
      per_customer_limit: optionalNumber(draft.per_customer_limit),
      allowed_level_ids: draft.level_id ? [draft.level_id] : null,
      starts_at: draft.starts_at ? new Date(draft.starts_at).toISOString() : null,
      ends_at: draft.ends_at ? new Date(draft.ends_at).toISOString() : null,
    }
    if (draft.kind === "coupon") body.template_promotion_id = draft.template_promotion_id.trim()
    if (draft.kind === "product") Object.assign(body, { variant_id: draft.variant_id.trim(), cash_price: optionalNumber(draft.cash_price) ?? 0 })
    if (draft.kind === "store_credit") Object.assign(body, { credit_amount: optionalNumber(draft.credit_amount), currency_code: draft.currency_code })
    create.mutate(body)
  }
  const levelName = (id: string) => levels.data?.levels.find((l) => l.id === id)?.name ?? id
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Points mall</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Coupons are copies of a template promotion (keep the template as a draft in Promotions). Products are bought in the
          cart: the shopper applies points to the line, which pays the price minus the cash part. Store credit is paid into the
          customer's store-credit account.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {data && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Item</Table.HeaderCell>
              <Table.HeaderCell>Kind</Table.HeaderCell>
              <Table.HeaderCell>Price</Table.HeaderCell>
              <Table.HeaderCell>Stock</Table.HeaderCell>
              <Table.HeaderCell>Redeemed</Table.HeaderCell>
              <Table.HeaderCell>Limit / customer</Table.HeaderCell>
              <Table.HeaderCell>Levels</Table.HeaderCell>
              <Table.HeaderCell>Active</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.items.map((i) => (
              <Table.Row key={i.id}>
                <Table.Cell>{i.title}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{i.kind}</Badge>
                </Table.Cell>
                <Table.Cell>{priceOf(i)}</Table.Cell>
                <Table.Cell>{i.stock ?? "∞"}</Table.Cell>
                <Table.Cell>{i.redeemed_count}</Table.Cell>
                <Table.Cell>{i.per_customer_limit ?? "–"}</Table.Cell>
                <Table.Cell>{(i.allowed_level_ids ?? []).map(levelName).join(", ") || "all"}</Table.Cell>
                <Table.Cell>
                  <Switch checked={i.is_active} onCheckedChange={(v) => update.mutate({ id: i.id, body: { is_active: v } })} />
                </Table.Cell>
                <Table.Cell>
                  <Button size="small" variant="transparent" onClick={() => remove.mutate(i.id)}>
                    Delete
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <form onSubmit={submit} className="flex flex-col gap-y-3 px-6 py-4">
        <div className="grid grid-cols-4 gap-3">
          <Field id="fission-mall-kind" label="Kind">
            <Select value={draft.kind} onValueChange={(kind) => setDraft({ ...draft, kind })}>
              <Select.Trigger id="fission-mall-kind">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="coupon">Coupon</Select.Item>
                <Select.Item value="product">Product (points / points + cash)</Select.Item>
                <Select.Item value="store_credit">Store credit</Select.Item>
              </Select.Content>
            </Select>
          </Field>
          <TextField name="title" label="Title" draft={draft} setDraft={setDraft} />
          <TextField name="points_cost" label="Points (per unit)" draft={draft} setDraft={setDraft} />
          {draft.kind === "coupon" && <TextField name="template_promotion_id" label="Template promotion id" draft={draft} setDraft={setDraft} />}
          {draft.kind === "product" && <TextField name="variant_id" label="Variant id" draft={draft} setDraft={setDraft} />}
          {draft.kind === "product" && <TextField name="cash_price" label="Cash price (0 = points only)" draft={draft} setDraft={setDraft} />}
          {draft.kind === "store_credit" && <TextField name="credit_amount" label="Credit amount" draft={draft} setDraft={setDraft} />}
          {draft.kind === "store_credit" && <TextField name="currency_code" label="Currency" draft={draft} setDraft={setDraft} />}
          <TextField name="stock" label="Stock (empty = unlimited)" draft={draft} setDraft={setDraft} />
          <TextField name="per_customer_limit" label="Limit per customer" draft={draft} setDraft={setDraft} />
          <Field id="fission-mall-level" label="Only for level">
            <Select value={draft.level_id || "all"} onValueChange={(v) => setDraft({ ...draft, level_id: v === "all" ? "" : v })}>
              <Select.Trigger id="fission-mall-level">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="all">Every customer</Select.Item>
                {(levels.data?.levels ?? []).map((l) => (
                  <Select.Item key={l.id} value={l.id}>
                    {l.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <TextField name="starts_at" label="From (YYYY-MM-DD HH:mm)" draft={draft} setDraft={setDraft} />
          <TextField name="ends_at" label="Until (YYYY-MM-DD HH:mm)" draft={draft} setDraft={setDraft} />
        </div>
        <div className="flex justify-end">
          <Button type="submit" size="small" isLoading={create.isPending}>
            Add item
          </Button>
        </div>
      </form>
    </Container>
  )
}

const CouponRulesSection = () => {
  const queryClient = useQueryClient()
  const { data } = useQuery({
    queryKey: pointsMallKeys.couponRules,
    queryFn: () => sdk.client.fetch<{ coupon_rules: CouponRule[] }>("/admin/fission/points-mall/coupon-rules"),
  })
  const empty: Draft = { name: "", template_promotion_id: "", min_order_total: "" }
  const [draft, setDraft] = useState<Draft>(empty)
  const refresh = () => queryClient.invalidateQueries({ queryKey: pointsMallKeys.couponRules })
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/points-mall/coupon-rules", { method: "POST", body }),
    onSuccess: () => {
      setDraft(empty)
      refresh()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      sdk.client.fetch(`/admin/fission/points-mall/coupon-rules/${id}`, { method: "POST", body }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/fission/points-mall/coupon-rules/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({ name: draft.name, template_promotion_id: draft.template_promotion_id.trim(), min_order_total: optionalNumber(draft.min_order_total) })
  }
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Coupons after payment</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          When an order is paid (payment captured) and its products reach the minimum, the buyer gets a single-use copy of the
          template promotion — once per order and rule.
        </Text>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Rule</Table.HeaderCell>
            <Table.HeaderCell>Template promotion</Table.HeaderCell>
            <Table.HeaderCell>Minimum</Table.HeaderCell>
            <Table.HeaderCell>Active</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(data?.coupon_rules ?? []).map((r) => (
            <Table.Row key={r.id}>
              <Table.Cell>{r.name}</Table.Cell>
              <Table.Cell>{r.template_promotion_id}</Table.Cell>
              <Table.Cell>{r.min_order_total ?? "any order"}</Table.Cell>
              <Table.Cell>
                <Switch checked={r.is_active} onCheckedChange={(v) => update.mutate({ id: r.id, body: { is_active: v } })} />
              </Table.Cell>
              <Table.Cell>
                <Button size="small" variant="transparent" onClick={() => remove.mutate(r.id)}>
                  Delete
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <form onSubmit={submit} className="flex items-end gap-x-3 px-6 py-4">
        <TextField name="name" label="Name" draft={draft} setDraft={setDraft} />
        <TextField name="template_promotion_id" label="Template promotion id" draft={draft} setDraft={setDraft} />
        <TextField name="min_order_total" label="Minimum paid products (empty = any)" draft={draft} setDraft={setDraft} />
        <Button type="submit" size="small" isLoading={create.isPending}>
          Add rule
        </Button>
      </form>
    </Container>
  )
}

const LevelExclusiveSection = () => {
  const levels = useLevels()
  const [draft, setDraft] = useState<Draft>({ promotion_id: "", level_id: "" })
  const make = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/points-mall/level-coupons", { method: "POST", body }),
    onSuccess: () => {
      toast.success("The promotion now works only for that level")
      setDraft({ promotion_id: "", level_id: "" })
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Member-exclusive coupons</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Adds the condition "customer group is the level's group" to a promotion: its code then works only for members of that
          level. The condition is visible and editable on the promotion's page.
        </Text>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          make.mutate({ promotion_id: draft.promotion_id.trim(), level_ids: draft.level_id ? [draft.level_id] : [] })
        }}
        className="flex items-end gap-x-3 px-6 py-4"
      >
        <TextField name="promotion_id" label="Promotion id" draft={draft} setDraft={setDraft} />
        <Field id="fission-exclusive-level" label="Level">
          <Select value={draft.level_id} onValueChange={(level_id) => setDraft({ ...draft, level_id })}>
            <Select.Trigger id="fission-exclusive-level">
              <Select.Value placeholder="Choose a level" />
            </Select.Trigger>
            <Select.Content>
              {(levels.data?.levels ?? []).map((l) => (
                <Select.Item key={l.id} value={l.id}>
                  {l.name}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Button type="submit" size="small" isLoading={make.isPending}>
          Make exclusive
        </Button>
      </form>
    </Container>
  )
}

const PointsMallPage = () => (
  <div className="flex flex-col gap-y-3">
    <CatalogueSection />
    <CouponRulesSection />
    <LevelExclusiveSection />
  </div>
)

export const config = defineRouteConfig({ label: "nav.pointsMall", translationNs: "fission-membership", icon: Gift })

export default PointsMallPage

import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Gift } from "@medusajs/icons"
import { Badge, Button, Input, Select, Switch, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { useTranslation } from "react-i18next"
import {
  Card,
  createDataTableColumnHelper,
  DataList,
  errorMessage,
  Field,
  fieldErrors,
  FieldErrorsProvider,
  fieldId,
  FormDrawer,
  RowsTable,
  sdk,
  Stack,
  StoreFormat,
  useAllPages,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"
import { MemberLevel, membershipKeys } from "../../lib/membership"
import { CouponRule, MallItem, optionalNumber, pointsMallKeys } from "../../lib/points-mall"

const NS = "fission-membership"
type Draft = Record<string, string>
type T = (key: string, opts?: Record<string, unknown>) => string

const TextField = ({ name, draft, setDraft, label }: { name: string; draft: Draft; setDraft: (d: Draft) => void; label: string }) => (
  <Field name={name} label={label}>
    <Input id={fieldId(name)} size="small" value={draft[name] ?? ""} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
  </Field>
)

/** Every level (for the pickers), page by page. */
const useLevels = () => useAllPages<MemberLevel>(membershipKeys.levels, "/admin/fission/membership/levels", "levels")

const priceOf = (i: MallItem, f: StoreFormat, t: T) =>
  i.kind === "product"
    ? Number(i.cash_price ?? 0) > 0
      ? t("mall.pointsPlusCash", { points: i.points_cost, cash: f.money(i.cash_price) })
      : t("mall.pointsOnly", { points: i.points_cost })
    : i.kind === "store_credit"
      ? t("mall.pointsToCredit", { points: i.points_cost, credit: f.money(i.credit_amount, i.currency_code) })
      : t("mall.pointsOnly", { points: i.points_cost })

const EMPTY_ITEM: Draft = { kind: "coupon", title: "", points_cost: "", template_promotion_id: "", variant_id: "", cash_price: "", credit_amount: "", currency_code: "cny", stock: "", per_customer_limit: "", level_id: "", starts_at: "", ends_at: "" }
const ITEM_FIELDS = [...Object.keys(EMPTY_ITEM), "allowed_level_ids"]

/** Add a catalogue item; the API's 400 is shown under the field it names. */
const ItemDrawer = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation(NS)
  const queryClient = useQueryClient()
  const levels = useLevels()
  const [draft, setDraft] = useState<Draft>(EMPTY_ITEM)
  const save = async () => {
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
    await sdk.client.fetch("/admin/fission/points-mall/items", { method: "POST", body })
    toast.success(t("mall.added"))
    queryClient.invalidateQueries({ queryKey: pointsMallKeys.items })
  }
  const text = (name: string) => <TextField name={name} label={t(`mall.form.${name}`)} draft={draft} setDraft={setDraft} />
  return (
    <FormDrawer open onOpenChange={(open) => !open && onClose()} title={t("mall.addItem")} fields={ITEM_FIELDS} onSubmit={save}>
      <Field name="kind" label={t("mall.form.kind")}>
        <Select value={draft.kind} onValueChange={(kind) => setDraft({ ...draft, kind })}>
          <Select.Trigger id={fieldId("kind")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {["coupon", "product", "store_credit"].map((k) => (
              <Select.Item key={k} value={k}>
                {t(`mall.kindOption.${k}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {text("title")}
      {text("points_cost")}
      {draft.kind === "coupon" && text("template_promotion_id")}
      {draft.kind === "product" && text("variant_id")}
      {draft.kind === "product" && text("cash_price")}
      {draft.kind === "store_credit" && text("credit_amount")}
      {draft.kind === "store_credit" && text("currency_code")}
      {text("stock")}
      {text("per_customer_limit")}
      <Field name="allowed_level_ids" label={t("mall.form.level_id")}>
        <Select value={draft.level_id || "all"} onValueChange={(v) => setDraft({ ...draft, level_id: v === "all" ? "" : v })}>
          <Select.Trigger id={fieldId("allowed_level_ids")}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="all">{t("mall.everyCustomer")}</Select.Item>
            {(levels.data ?? []).map((l) => (
              <Select.Item key={l.id} value={l.id}>
                {l.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      {text("starts_at")}
      {text("ends_at")}
    </FormDrawer>
  )
}

const col = createDataTableColumnHelper<MallItem>()

const CatalogueSection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const levels = useLevels()
  const [adding, setAdding] = useState(false)
  const list = useServerList<MallItem, { items: MallItem[]; count: number }>({ path: "/admin/fission/points-mall/items", rowsKey: "items", queryKey: pointsMallKeys.items })
  const refresh = () => queryClient.invalidateQueries({ queryKey: pointsMallKeys.items })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) => sdk.client.fetch(`/admin/fission/points-mall/items/${id}`, { method: "POST", body }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const remove = useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`/admin/fission/points-mall/items/${id}`, { method: "DELETE" }),
    onSuccess: () => refresh(),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const levelName = (id: string) => levels.data?.find((l) => l.id === id)?.name ?? id
  const columns = [
    col.accessor("title", { header: t("mall.item") }),
    col.accessor("kind", { header: t("mall.form.kind"), cell: ({ getValue }) => <Badge size="2xsmall">{t(`mall.kind.${getValue()}`)}</Badge> }),
    col.accessor("points_cost", { header: t("mall.price"), cell: ({ row }) => priceOf(row.original, f, t) }),
    col.accessor("stock", { header: t("mall.stock"), cell: ({ getValue }) => getValue() ?? "∞" }),
    col.accessor("redeemed_count", { header: t("mall.redeemed") }),
    col.accessor("per_customer_limit", { header: t("mall.limitPerCustomer"), cell: ({ getValue }) => getValue() ?? "–" }),
    col.accessor("allowed_level_ids", { header: t("mall.levels"), cell: ({ getValue }) => (getValue() ?? []).map(levelName).join(", ") || t("mall.all") }),
    col.accessor("is_active", {
      header: t("mall.active"),
      cell: ({ row: { original: i } }) => <Switch checked={i.is_active} onCheckedChange={(v) => update.mutate({ id: i.id, body: { is_active: v } })} />,
    }),
    col.display({
      id: "delete",
      cell: ({ row }) => (
        <Button size="small" variant="transparent" onClick={() => remove.mutate(row.original.id)}>
          {t("common.delete")}
        </Button>
      ),
    }),
  ]
  return (
    <>
      <DataList
        list={list}
        columns={columns}
        title={t("mall.title")}
        subtitle={t("mall.subtitle")}
        empty={{ heading: t("mall.empty") }}
        actions={
          <Button size="small" variant="secondary" onClick={() => setAdding(true)}>
            {t("mall.addItem")}
          </Button>
        }
      />
      {adding && <ItemDrawer onClose={() => setAdding(false)} />}
    </>
  )
}

const CouponRulesSection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  // The route answers every rule (a store has a few).
  const { data } = useQuery({
    queryKey: pointsMallKeys.couponRules,
    queryFn: () => sdk.client.fetch<{ coupon_rules: CouponRule[] }>("/admin/fission/points-mall/coupon-rules"),
  })
  const empty: Draft = { name: "", template_promotion_id: "", min_order_total: "" }
  const [draft, setDraft] = useState<Draft>(empty)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const refresh = () => queryClient.invalidateQueries({ queryKey: pointsMallKeys.couponRules })
  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/points-mall/coupon-rules", { method: "POST", body }),
    onSuccess: () => {
      setDraft(empty)
      setErrors({})
      refresh()
    },
    onError: (e) => {
      setErrors(fieldErrors(e, Object.keys(empty)))
      toast.error(errorMessage(e))
    },
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
    <Card title={t("rules.title")} subtitle={t("rules.subtitle")}>
      <RowsTable
        headers={[t("rules.rule"), t("rules.template"), t("rules.minimum"), t("mall.active"), null]}
        rows={data?.coupon_rules ?? []}
        rowKey={(r) => r.id}
        cells={(r) => [
          r.name,
          r.template_promotion_id,
          r.min_order_total == null ? t("rules.anyOrder") : f.money(r.min_order_total),
          <Switch checked={r.is_active} onCheckedChange={(v) => update.mutate({ id: r.id, body: { is_active: v } })} />,
          <Button size="small" variant="transparent" onClick={() => remove.mutate(r.id)}>
            {t("common.delete")}
          </Button>,
        ]}
      />
      <FieldErrorsProvider errors={errors}>
        <form onSubmit={submit} className="flex items-end gap-x-3 px-6 py-4">
          <TextField name="name" label={t("rules.name")} draft={draft} setDraft={setDraft} />
          <TextField name="template_promotion_id" label={t("mall.form.template_promotion_id")} draft={draft} setDraft={setDraft} />
          <TextField name="min_order_total" label={t("rules.minimumField")} draft={draft} setDraft={setDraft} />
          <Button type="submit" size="small" isLoading={create.isPending}>
            {t("rules.add")}
          </Button>
        </form>
      </FieldErrorsProvider>
      {errors._form && <Text size="small" className="text-ui-fg-error px-6 pb-4">{errors._form}</Text>}
    </Card>
  )
}

const LevelExclusiveSection = () => {
  const { t } = useTranslation(NS)
  const levels = useLevels()
  const [draft, setDraft] = useState<Draft>({ promotion_id: "", level_id: "" })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const make = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch("/admin/fission/points-mall/level-coupons", { method: "POST", body }),
    onSuccess: () => {
      toast.success(t("exclusive.done"))
      setErrors({})
      setDraft({ promotion_id: "", level_id: "" })
    },
    onError: (e) => {
      setErrors(fieldErrors(e, ["promotion_id", "level_ids"]))
      toast.error(errorMessage(e))
    },
  })
  return (
    <Card title={t("exclusive.title")} subtitle={t("exclusive.subtitle")}>
      <FieldErrorsProvider errors={errors}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            make.mutate({ promotion_id: draft.promotion_id.trim(), level_ids: draft.level_id ? [draft.level_id] : [] })
          }}
          className="flex items-end gap-x-3 px-6 py-4"
        >
          <TextField name="promotion_id" label={t("exclusive.promotionId")} draft={draft} setDraft={setDraft} />
          <Field name="level_ids" label={t("exclusive.level")}>
            <Select value={draft.level_id} onValueChange={(level_id) => setDraft({ ...draft, level_id })}>
              <Select.Trigger id={fieldId("level_ids")}>
                <Select.Value placeholder={t("exclusive.chooseLevel")} />
              </Select.Trigger>
              <Select.Content>
                {(levels.data ?? []).map((l) => (
                  <Select.Item key={l.id} value={l.id}>
                    {l.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Button type="submit" size="small" isLoading={make.isPending}>
            {t("exclusive.make")}
          </Button>
        </form>
      </FieldErrorsProvider>
      {errors._form && <Text size="small" className="text-ui-fg-error px-6 pb-4">{errors._form}</Text>}
    </Card>
  )
}

const PointsMallPage = () => (
  <Stack>
    <CatalogueSection />
    <CouponRulesSection />
    <LevelExclusiveSection />
  </Stack>
)

export const config = defineRouteConfig({ label: "nav.pointsMall", translationNs: "fission-membership", icon: Gift })

export default PointsMallPage

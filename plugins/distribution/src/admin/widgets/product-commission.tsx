import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Input, Select, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useEffect, useState } from "react"
import { SectionHeader } from "../components/section"
import { distKeys, errorMessage, fractionToPercent, percentLabel, percentToFraction, ProductCommission, ProductRule } from "../lib/distribution"
import { sdk } from "@fission/core/admin-kit"

const INHERIT = "inherit" // no own rule: the product rule / store default applies
type Mode = typeof INHERIT | ProductRule["mode"]
type Draft = { mode: Mode; level1: string; level2: string }

const draftOf = (rule: ProductRule | null): Draft =>
  !rule
    ? { mode: INHERIT, level1: "", level2: "" }
    : {
        mode: rule.mode,
        level1: rule.mode === "rate" ? fractionToPercent(rule.level1) : rule.level1 === null ? "" : String(rule.level1),
        level2: rule.mode === "rate" ? fractionToPercent(rule.level2) : rule.level2 === null ? "" : String(rule.level2),
      }

/** What the API takes: rates as fractions (typed in %), fixed amounts as typed, null to remove. */
function ruleBody(d: Draft) {
  if (d.mode === INHERIT) return { mode: null }
  if (d.mode === "excluded") return { mode: "excluded", level1: null, level2: null }
  const value = (v: string) => (d.mode === "rate" ? percentToFraction(v) : v.trim())
  return { mode: d.mode, level1: value(d.level1), level2: value(d.level2) }
}

const same = (a: Draft, b: Draft) => a.mode === b.mode && a.level1 === b.level1 && a.level2 === b.level2

function RuleEditor({ draft, onChange, inheritLabel, idPrefix }: { draft: Draft; onChange: (d: Draft) => void; inheritLabel: string; idPrefix: string }) {
  const unit = draft.mode === "rate" ? "%" : "per unit"
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="w-[170px]">
        <Select size="small" value={draft.mode} onValueChange={(mode) => onChange({ ...draft, mode: mode as Mode })}>
          <Select.Trigger id={`${idPrefix}-mode`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={INHERIT}>{inheritLabel}</Select.Item>
            <Select.Item value="rate">Rate (%)</Select.Item>
            <Select.Item value="fixed">Fixed amount</Select.Item>
            <Select.Item value="excluded">Excluded</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {(draft.mode === "rate" || draft.mode === "fixed") && (
        <>
          <Input
            size="small"
            className="w-[110px]"
            inputMode="decimal"
            aria-label="Level 1"
            placeholder={`L1 ${unit}`}
            value={draft.level1}
            onChange={(e) => onChange({ ...draft, level1: e.target.value })}
          />
          <Input
            size="small"
            className="w-[110px]"
            inputMode="decimal"
            aria-label="Level 2"
            placeholder={`L2 ${unit}`}
            value={draft.level2}
            onChange={(e) => onChange({ ...draft, level2: e.target.value })}
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {draft.mode === "rate" ? "% of what the buyer paid (level 1 / level 2)" : "paid per unit sold (level 1 / level 2)"}
          </Text>
        </>
      )}
    </div>
  )
}

/** Product page: the product's commission rule (rate, fixed per unit, excluded) and per-variant overrides. */
const ProductCommissionWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const queryClient = useQueryClient()
  const confirm = usePrompt()
  const key = distKeys.scope("product-commission", product.id)
  const { data, isLoading, isError, error } = useQuery({
    queryKey: key,
    queryFn: () => sdk.client.fetch<{ product_commission: ProductCommission }>(`/admin/fission/products/${product.id}/commission`),
  })
  const [productDraft, setProductDraft] = useState<Draft>(draftOf(null))
  const [variantDrafts, setVariantDrafts] = useState<Record<string, Draft>>({})
  const [saving, setSaving] = useState(false)
  const [serverError, setServerError] = useState<string | null>(null)
  const pc = data?.product_commission
  useEffect(() => {
    if (!pc) return
    setProductDraft(draftOf(pc.rule))
    setVariantDrafts(Object.fromEntries(pc.variants.map((v) => [v.variant_id, draftOf(v.rule)])))
  }, [pc])

  if (!pc) {
    return (
      <Container className="divide-y p-0">
        <SectionHeader title="Commission" />
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? "Loading…" : errorMessage(error)}
          </Text>
        </div>
      </Container>
    )
  }

  const productChanged = !same(productDraft, draftOf(pc.rule))
  const changedVariants = pc.variants.filter((v) => variantDrafts[v.variant_id] && !same(variantDrafts[v.variant_id], draftOf(v.rule)))
  const dirty = productChanged || changedVariants.length > 0
  const hasRules = !!pc.rule || pc.variants.some((v) => v.rule)
  const storeDefault = `Store default (${percentLabel(pc.store_default.level1_rate)} / ${percentLabel(pc.store_default.level2_rate)})`
  const effective = (d: Draft) =>
    d.mode === "excluded"
      ? "excluded: pays no commission"
      : d.mode === "rate"
        ? `${d.level1 || "?"}% / ${d.level2 || "?"}% of what the buyer paid`
        : d.mode === "fixed"
          ? `${d.level1 || "?"} / ${d.level2 || "?"} per unit`
          : null

  const save = async (e: FormEvent) => {
    e.preventDefault()
    if (!dirty || saving) return
    setSaving(true)
    setServerError(null)
    try {
      const res = await sdk.client.fetch<{ product_commission: ProductCommission }>(`/admin/fission/products/${product.id}/commission`, {
        method: "POST",
        body: {
          ...(productChanged ? ruleBody(productDraft) : {}),
          ...(changedVariants.length ? { variants: changedVariants.map((v) => ({ variant_id: v.variant_id, ...ruleBody(variantDrafts[v.variant_id]) })) } : {}),
        },
      })
      queryClient.setQueryData(key, res)
      toast.success("Commission rule saved")
    } catch (err) {
      setServerError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }
  const resetAll = async () => {
    const ok = await confirm({
      title: "Use the store default?",
      description: "Removes this product's commission rule and every variant rule.",
      confirmText: "Remove rules",
      cancelText: "Cancel",
    })
    if (!ok) return
    try {
      const res = await sdk.client.fetch<{ product_commission: ProductCommission }>(`/admin/fission/products/${product.id}/commission`, { method: "DELETE" })
      queryClient.setQueryData(key, res)
      setServerError(null)
      toast.success("Back to the store default")
    } catch (err) {
      toast.error("Could not remove the rules", { description: errorMessage(err) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <form onSubmit={save}>
        <SectionHeader
          title="Commission"
          subtitle={`Overrides the store's ${percentLabel(pc.store_default.level1_rate)} / ${percentLabel(pc.store_default.level2_rate)}; a variant rule overrides the product rule.`}
          actions={
            <>
              {hasRules && (
                <Button size="small" variant="transparent" type="button" onClick={resetAll}>
                  Use store default
                </Button>
              )}
              <Button size="small" type="submit" disabled={!dirty} isLoading={saving}>
                Save
              </Button>
            </>
          }
        />
        <div className="flex flex-col gap-y-2 px-6 py-4">
          <Text size="small" weight="plus">
            Product rule
          </Text>
          <RuleEditor draft={productDraft} onChange={setProductDraft} inheritLabel={storeDefault} idPrefix="product" />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {effective(productDraft) ?? "No own rule: the store's default rates apply."}
            {pc.store_default.commission_depth === 1 && " The store pays level 1 only (commission depth 1)."}
          </Text>
        </div>
        {pc.variants.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>Rule</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {pc.variants.map((v) => (
                <Table.Row key={v.variant_id}>
                  <Table.Cell className="w-[200px]">
                    <div className="flex flex-col py-1">
                      <span className="txt-compact-small">{v.title ?? v.variant_id}</span>
                      {v.sku && <span className="txt-compact-xsmall text-ui-fg-subtle">{v.sku}</span>}
                    </div>
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <RuleEditor
                      draft={variantDrafts[v.variant_id] ?? draftOf(v.rule)}
                      onChange={(d) => setVariantDrafts((all) => ({ ...all, [v.variant_id]: d }))}
                      inheritLabel="Same as product"
                      idPrefix={v.variant_id}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
        {serverError && (
          <div className="px-6 py-3">
            <Text size="small" className="text-ui-fg-error">
              {serverError}
            </Text>
          </div>
        )}
      </form>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.after" })

export default ProductCommissionWidget

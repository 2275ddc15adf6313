import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Input, Select, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useEffect, useState } from "react"
import { SectionHeader } from "../components/section"
import { useTranslation } from "react-i18next"
import { distKeys, fractionToPercent, percentLabel, percentToFraction, ProductCommission, ProductRule } from "../lib/distribution"
import { errorMessage, sdk, Section } from "@fission/core/admin-kit"

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
  const { t } = useTranslation("fission-distribution")
  const unit = draft.mode === "rate" ? "%" : t("product.perUnit")
  return (
    <div className="flex flex-wrap items-center gap-2">
      <div className="w-[170px]">
        <Select size="small" value={draft.mode} onValueChange={(mode) => onChange({ ...draft, mode: mode as Mode })}>
          <Select.Trigger id={`${idPrefix}-mode`}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={INHERIT}>{inheritLabel}</Select.Item>
            <Select.Item value="rate">{t("product.mode.rate")}</Select.Item>
            <Select.Item value="fixed">{t("product.mode.fixed")}</Select.Item>
            <Select.Item value="excluded">{t("product.mode.excluded")}</Select.Item>
          </Select.Content>
        </Select>
      </div>
      {(draft.mode === "rate" || draft.mode === "fixed") && (
        <>
          <Input
            size="small"
            className="w-[110px]"
            inputMode="decimal"
            aria-label={t("commissions.levelN", { level: 1 })}
            placeholder={`L1 ${unit}`}
            value={draft.level1}
            onChange={(e) => onChange({ ...draft, level1: e.target.value })}
          />
          <Input
            size="small"
            className="w-[110px]"
            inputMode="decimal"
            aria-label={t("commissions.levelN", { level: 2 })}
            placeholder={`L2 ${unit}`}
            value={draft.level2}
            onChange={(e) => onChange({ ...draft, level2: e.target.value })}
          />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {draft.mode === "rate" ? t("product.rateHint") : t("product.fixedHint")}
          </Text>
        </>
      )}
    </div>
  )
}

/** Product page: the product's commission rule (rate, fixed per unit, excluded) and per-variant overrides. */
const ProductCommissionWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { t } = useTranslation("fission-distribution")
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
        <SectionHeader title={t("customer.commission")} />
        <div className="px-6 py-4">
          <Text size="small" className={isError ? "text-ui-fg-error" : "text-ui-fg-subtle"}>
            {isLoading ? t("common.loading") : errorMessage(error)}
          </Text>
        </div>
      </Container>
    )
  }

  const productChanged = !same(productDraft, draftOf(pc.rule))
  const changedVariants = pc.variants.filter((v) => variantDrafts[v.variant_id] && !same(variantDrafts[v.variant_id], draftOf(v.rule)))
  const dirty = productChanged || changedVariants.length > 0
  const hasRules = !!pc.rule || pc.variants.some((v) => v.rule)
  const storeDefault = t("product.storeDefault", { l1: percentLabel(pc.store_default.level1_rate), l2: percentLabel(pc.store_default.level2_rate) })
  const effective = (d: Draft) =>
    d.mode === "excluded"
      ? t("product.effective.excluded")
      : d.mode === "rate"
        ? t("product.effective.rate", { l1: d.level1 || "?", l2: d.level2 || "?" })
        : d.mode === "fixed"
          ? t("product.effective.fixed", { l1: d.level1 || "?", l2: d.level2 || "?" })
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
      toast.success(t("product.saved"))
    } catch (err) {
      setServerError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }
  const resetAll = async () => {
    const ok = await confirm({
      title: t("product.resetTitle"),
      description: t("product.resetDescription"),
      confirmText: t("product.removeRules"),
      cancelText: t("common.cancel"),
    })
    if (!ok) return
    try {
      const res = await sdk.client.fetch<{ product_commission: ProductCommission }>(`/admin/fission/products/${product.id}/commission`, { method: "DELETE" })
      queryClient.setQueryData(key, res)
      setServerError(null)
      toast.success(t("product.backToDefault"))
    } catch (err) {
      toast.error(t("product.removeFailed"), { description: errorMessage(err) })
    }
  }

  return (
    <Container className="divide-y p-0">
      <form onSubmit={save}>
        <SectionHeader
          title={t("customer.commission")}
          subtitle={t("product.subtitle", { l1: percentLabel(pc.store_default.level1_rate), l2: percentLabel(pc.store_default.level2_rate) })}
          actions={
            <>
              {hasRules && (
                <Button size="small" variant="transparent" type="button" onClick={resetAll}>
                  {t("product.useDefault")}
                </Button>
              )}
              <Button size="small" type="submit" disabled={!dirty} isLoading={saving}>
                {t("common.save")}
              </Button>
            </>
          }
        />
        <Section title={t("product.productRule")}>
          <RuleEditor draft={productDraft} onChange={setProductDraft} inheritLabel={storeDefault} idPrefix="product" />
          <Text size="xsmall" className="text-ui-fg-subtle">
            {effective(productDraft) ?? t("product.noRule")}
            {pc.store_default.commission_depth === 1 && ` ${t("product.depth1")}`}
          </Text>
        </Section>
        {pc.variants.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{t("product.variant")}</Table.HeaderCell>
                <Table.HeaderCell>{t("product.rule")}</Table.HeaderCell>
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
                      inheritLabel={t("product.sameAsProduct")}
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

import { randomBytes } from "crypto"
import type { CreatePromotionDTO, PromotionDTO, PromotionRuleDTO } from "@medusajs/framework/types"

// No 0/O/1/I: codes are read and typed by people.
const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

/** A random coupon code such as `FM-7K2QX9HP4D` (10 × 5 bits: collisions are negligible and the promotion module's unique code refuses one anyway). */
export function couponCode(prefix = "FM"): string {
  const bytes = randomBytes(10)
  let code = ""
  for (const b of bytes) code += CODE_ALPHABET[b % CODE_ALPHABET.length]
  return `${prefix}-${code}`
}

const copyRule = (rule: PromotionRuleDTO) => ({
  attribute: rule.attribute!,
  operator: rule.operator!,
  values: (rule.values ?? []).map((v) => v.value!).filter((v) => v !== undefined),
  ...(rule.description ? { description: rule.description } : {}),
})

/**
 * The promotion granted to one customer, copied from an admin's template: the
 * template's discount (application method, target/buy rules) and conditions,
 * plus `customer.id = <customer>` (the cart's promotion context carries the
 * cart's customer, see core-flows `cartFieldsForRefreshSteps`) and a usage
 * limit of 1. It joins the template's campaign, if any, so the campaign's dates
 * and budget apply to it as well.
 */
export function grantedPromotionData(template: PromotionDTO, customer_id: string, code: string): CreatePromotionDTO {
  const am = template.application_method
  if (!am) throw new Error(`Promotion ${template.id} has no application method`)
  const rules = (template.rules ?? []).filter((r) => r.attribute !== "customer.id").map(copyRule)
  rules.push({ attribute: "customer.id", operator: "eq", values: [customer_id] })
  return {
    code,
    type: template.type!,
    status: "active",
    is_automatic: false,
    is_tax_inclusive: template.is_tax_inclusive ?? false,
    limit: 1,
    ...(template.campaign_id ? { campaign_id: template.campaign_id } : {}),
    application_method: {
      type: am.type!,
      target_type: am.target_type!,
      allocation: am.allocation ?? undefined,
      value: am.value as number,
      currency_code: am.currency_code ?? undefined,
      max_quantity: am.max_quantity ?? null,
      apply_to_quantity: am.apply_to_quantity ?? null,
      buy_rules_min_quantity: am.buy_rules_min_quantity ?? null,
      target_rules: (am.target_rules ?? []).map(copyRule),
      buy_rules: (am.buy_rules ?? []).map(copyRule),
    } as CreatePromotionDTO["application_method"],
    rules,
  } as CreatePromotionDTO
}

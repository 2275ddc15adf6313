import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../modules/distribution"
import { isEffectivePromoter, PromoterMode, PromoterStatus } from "../../utils/referral/bind-rules"
import { referralShareLink } from "../../utils/referral/code"
import { maskDisplayName, maskEmail } from "../../utils/referral/mask"
import { ensurePromoterWorkflow } from "../../workflows/promoters"

type Scope = Pick<MedusaContainer, "resolve">

export type CustomerCard = { id: string; email: string | null; first_name: string | null; last_name: string | null; created_at?: Date }

/** Customers by id (Customer module via query.graph), as a map. */
export async function loadCustomers(scope: Scope, ids: string[]): Promise<Map<string, CustomerCard>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "created_at"],
    filters: { id: unique },
  })
  return new Map(data.map((c: any) => [c.id, c as CustomerCard]))
}

/** What a shopper may see of another customer: a masked name and e-mail, nothing else. */
export const maskedPerson = (c: CustomerCard | undefined) => ({
  name: maskDisplayName(c ?? null),
  email: maskEmail(c?.email ?? null),
})

export const shareBaseUrl = (settings: { share_base_url?: string | null }) =>
  settings.share_base_url || process.env.STORE_URL || "http://localhost:8000"

const ZERO = { level1: 0, level2: 0, level3: 0 }

export async function teamCounts(service: DistributionModuleService, customerId: string) {
  const [counter] = await service.listTeamCounters({ customer_id: customerId })
  return counter ? { level1: counter.level1, level2: counter.level2, level3: counter.level3 } : { ...ZERO }
}

/**
 * The logged-in customer's referral identity (SPEC §2 Store API): code and
 * share link (only while an effective promoter), promoter status, rank, the
 * masked referrer and team counts. In everyone_is_promoter mode the promoter
 * record (and code) is created on first call.
 */
export async function referralView(scope: Scope, customerId: string) {
  const service = scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const settings = await service.retrieveSettings()
  const mode = settings.promoter_mode as PromoterMode
  let [promoter] = await service.listPromoters({ customer_id: customerId })
  if (!promoter && mode === "everyone_is_promoter") {
    const { result } = await ensurePromoterWorkflow(scope as MedusaContainer).run({
      input: { customer_id: customerId, status: "active", source: "everyone" },
    })
    promoter = result.promoter
  }
  const effective = !!promoter && isEffectivePromoter(promoter.status as PromoterStatus, mode)
  const code = effective ? promoter!.code : null

  const rankId = promoter?.rank_id
  const [rank] = rankId
    ? await service.listDistributionRanks({ id: rankId })
    : promoter
      ? await service.listDistributionRanks({ is_default: true }, { take: 1 })
      : []

  const [link] = await service.listReferralUpline(customerId, 1)
  const referrer = link ? (await loadCustomers(scope, [link.customer_id])).get(link.customer_id) : undefined

  return {
    code,
    link: code ? referralShareLink(shareBaseUrl(settings), code) : null,
    promoter_status: promoter ? promoter.status : "none",
    promoter_mode: mode,
    bind_mode: settings.bind_mode,
    rank: rank ? { id: rank.id, name: rank.name, position: rank.position } : null,
    referrer: link ? { name: maskedPerson(referrer).name, bound_at: link.bound_at } : null,
    counts: await teamCounts(service, customerId),
  }
}

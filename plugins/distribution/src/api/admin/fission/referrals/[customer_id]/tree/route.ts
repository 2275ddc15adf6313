import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../../../modules/distribution"
import { loadCustomers, teamCounts } from "../../../../../utils/referral-people"
import { AdminGetReferralTreeParamsType } from "../../validators"

/** How far up the tree browser shows ancestors. */
const UPLINE_CAP = 30

const card = (c: any) => (c ? { id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name } : null)

/**
 * GET /admin/fission/referrals/:customer_id/tree?depth=1..3&limit=&offset= → `{ tree: { customer,
 * referral, upline: [{ depth, customer, bound_at, expires_at, expired }] (nearest first, up to 30),
 * upline_truncated, counts, downline: [{ level, count, offset, limit, members: [{ customer,
 * referrer_id, bound_at, expires_at }] }], events } }` — the referral tree browser (SPEC §2).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetReferralTreeParamsType>, res: MedusaResponse) => {
  const { depth, limit, offset } = req.validatedQuery as AdminGetReferralTreeParamsType
  const customerId = req.params.customer_id
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const now = new Date()
  const expired = (at: Date | null | undefined) => !!at && new Date(at) <= now

  const [me] = (await loadCustomers(req.scope, [customerId])).values()
  if (!me) throw new MedusaError(MedusaError.Types.NOT_FOUND, `customer ${customerId} does not exist`)

  const [referral] = await service.listReferrals({ customer_id: customerId })
  const upline = await service.listReferralUpline(customerId, UPLINE_CAP + 1, { include_expired: true })
  const levels = await Promise.all(
    Array.from({ length: depth }, (_, i) => i + 1).map(async (level) => {
      const [paths, count] = await service.listAndCountReferralAncestors(
        { ancestor_id: customerId, depth: level },
        { skip: offset, take: limit, order: { created_at: "DESC" } }
      )
      return { level, count, paths }
    })
  )
  const memberIds = levels.flatMap((l) => l.paths.map((p) => p.descendant_id))
  const [people, memberReferrals, events, counts] = await Promise.all([
    loadCustomers(req.scope, [...upline.map((u) => u.customer_id), ...memberIds]),
    service.listReferrals({ customer_id: memberIds }),
    service.listReferralEvents({ customer_id: customerId }, { take: 20, order: { created_at: "DESC" } }),
    teamCounts(service, customerId),
  ])

  res.json({
    tree: {
      customer: card(me),
      referral: referral ? { ...referral, expired: expired(referral.expires_at) } : null,
      upline: upline.slice(0, UPLINE_CAP).map((u) => ({
        depth: Number(u.depth),
        customer: card(people.get(u.customer_id)) ?? { id: u.customer_id },
        bound_at: u.bound_at,
        expires_at: u.expires_at,
        expired: expired(u.expires_at),
      })),
      upline_truncated: upline.length > UPLINE_CAP,
      counts,
      downline: levels.map(({ level, count, paths }) => ({
        level,
        count,
        offset,
        limit,
        members: paths.map((p) => {
          const r = memberReferrals.find((x) => x.customer_id === p.descendant_id)
          return {
            customer: card(people.get(p.descendant_id)) ?? { id: p.descendant_id },
            referrer_id: r?.referrer_id ?? null,
            bound_at: r?.bound_at ?? null,
            expires_at: r?.expires_at ?? null,
          }
        }),
      })),
      events,
    },
  })
}

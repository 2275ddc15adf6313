import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../../modules/distribution"
import { withDetails } from "./admin-promoter"
import { AdminGetPromotersParamsType } from "./validators"

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * GET /admin/fission/promoters?status=&rank_id=&q=&limit=&offset= → `{ promoters, count, offset, limit }`,
 * newest first. `q` matches the code, real name, phone, or the customer's e-mail/name.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetPromotersParamsType>, res: MedusaResponse) => {
  const { status, rank_id, q, limit, offset } = req.validatedQuery as AdminGetPromotersParamsType
  const service = req.scope.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  const filters: Record<string, any> = {}
  if (status) filters.status = status
  if (rank_id) filters.rank_id = rank_id
  if (q) {
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const pattern = like(q)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { $or: [{ email: { $ilike: pattern } }, { first_name: { $ilike: pattern } }, { last_name: { $ilike: pattern } }] } as any,
      pagination: { take: 500 },
    })
    filters.$or = [
      { code: { $ilike: pattern } },
      { real_name: { $ilike: pattern } },
      { phone: { $ilike: pattern } },
      ...(customers.length ? [{ customer_id: customers.map((c: any) => c.id) }] : []),
    ]
  }
  const [promoters, count] = await service.listAndCountPromoters(filters, { skip: offset, take: limit, order: { created_at: "DESC" } })
  res.json({ promoters: await withDetails(req.scope, promoters), count, offset, limit })
}

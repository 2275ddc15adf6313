import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../../../modules/membership"
import { createMemberLevelWorkflow } from "../../../../../workflows/levels"
import { AdminCreateMemberLevelType, AdminGetMemberLevelsParamsType } from "./validators"

/** GET /admin/fission/membership/levels → `{ levels, count, offset, limit }` by growth threshold. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminGetMemberLevelsParamsType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminGetMemberLevelsParamsType
  const service = req.scope.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  const [levels, count] = await service.listAndCountMemberLevels({}, { skip: offset, take: limit, order: { growth_threshold: "ASC", position: "ASC" } })
  res.json({ levels, count, offset, limit })
}

/** POST /admin/fission/membership/levels → `{ level }`; 400 if the customer group does not exist. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateMemberLevelType>, res: MedusaResponse) => {
  const { result: level } = await createMemberLevelWorkflow(req.scope).run({ input: req.validatedBody as any })
  res.json({ level })
}

import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { getComplianceSettings } from "@fission/core/utils"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../../modules/blind-box"
import { ageProblem } from "../../../../utils"
import { StoreAgeConfirmationType } from "./validators"

const format = (a: any) =>
  a ? { age: a.age, guardian_consent: a.guardian_consent, guardian_name: a.guardian_name ?? null, confirmed_at: a.created_at, updated_at: a.updated_at } : null

/** GET /store/fission/blind-box-age-confirmation — the logged-in customer's confirmation and the store's age rules. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const [a] = await service.listBlindBoxAgeConfirmations({ customer_id: req.auth_context.actor_id })
  const s = await getComplianceSettings(req.scope)
  res.json({
    age_confirmation: format(a),
    rules: { min_age: s.blind_box_min_age, guardian_consent_below_age: s.guardian_consent_below_age, daily_spend_limit: s.blind_box_daily_spend_limit ?? null },
  })
}

/**
 * POST /store/fission/blind-box-age-confirmation `{ age, guardian_consent?, guardian_name? }` — confirms the
 * customer's age before a first blind-box purchase (SPEC §0.6): at least the minimum age; below
 * the guardian age a guardian's consent and name are recorded. Confirming again replaces it.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreAgeConfirmationType>, res: MedusaResponse) => {
  const customer_id = req.auth_context.actor_id
  const s = await getComplianceSettings(req.scope)
  const body = req.validatedBody
  const problem = ageProblem(body, s)
  if (problem) throw new MedusaError(MedusaError.Types.INVALID_DATA, problem)
  const service = req.scope.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
  const data = {
    age: body.age,
    guardian_consent: body.age < s.guardian_consent_below_age ? !!body.guardian_consent : false,
    guardian_name: body.age < s.guardian_consent_below_age ? (body.guardian_name ?? null) : null,
    min_age: s.blind_box_min_age,
    guardian_consent_below_age: s.guardian_consent_below_age,
  }
  const [existing] = await service.listBlindBoxAgeConfirmations({ customer_id })
  let saved
  try {
    saved = existing
      ? await service.updateBlindBoxAgeConfirmations({ id: existing.id, ...data })
      : await service.createBlindBoxAgeConfirmations({ customer_id, ...data })
  } catch (e: any) {
    // a concurrent first confirmation of the same customer won the unique index
    const [now] = await service.listBlindBoxAgeConfirmations({ customer_id })
    if (!now) throw e
    saved = await service.updateBlindBoxAgeConfirmations({ id: now.id, ...data })
  }
  res.json({ age_confirmation: format(saved) })
}

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { findOrCreatePromoter } from "./create-promoter"

export type ApplyForPromoterInput = {
  customer_id: string
  real_name?: string | null
  phone?: string | null
  note?: string | null
}

type Undo = { created_id?: string; previous?: Record<string, unknown> & { id: string } }

const REVIEW_FIELDS = ["status", "real_name", "phone", "note", "review_reason", "reviewed_by", "reviewed_at"] as const

/**
 * A customer's application (promoter_mode `apply`): a new record `applied`, or a
 * rejected application submitted again. Already active/pending → 422 duplicate, disabled → 400 not allowed.
 * Other modes need no application (400 saying why).
 */
export const applyForPromoterStep = createStep(
  "fission-apply-for-promoter",
  async (input: ApplyForPromoterInput, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const settings = await service.retrieveSettings()
    if (settings.promoter_mode === "everyone_is_promoter") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "every customer is a promoter in this store (promoter_mode everyone_is_promoter): no application is needed")
    }
    if (settings.promoter_mode === "auto_after_spend") {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `customers become promoters automatically after a lifetime paid spend of ${settings.auto_promoter_threshold} (promoter_mode auto_after_spend): no application is needed`
      )
    }
    const details = { real_name: input.real_name ?? null, phone: input.phone ?? null, note: input.note ?? null }
    const [existing] = await service.listPromoters({ customer_id: input.customer_id })
    if (!existing) {
      const { promoter, created } = await findOrCreatePromoter(service, { customer_id: input.customer_id, status: "applied", source: "application", ...details })
      return new StepResponse<typeof promoter, Undo>(promoter, created ? { created_id: promoter.id } : {})
    }
    if (existing.status !== "rejected") {
      const why = { applied: "an application is already pending review", active: "the customer is already a promoter", disabled: "the customer's promoter account is disabled; contact the store" }
      // applying again is a duplicate; a disabled account is a state only the store can change
      const type = existing.status === "disabled" ? MedusaError.Types.NOT_ALLOWED : MedusaError.Types.DUPLICATE_ERROR
      throw new MedusaError(type, why[existing.status as keyof typeof why] ?? `promoter status is ${existing.status}`)
    }
    const previous = Object.fromEntries(REVIEW_FIELDS.map((f) => [f, (existing as any)[f]]))
    const promoter = await service.updatePromoters({
      id: existing.id, status: "applied", ...details, review_reason: null, reviewed_by: null, reviewed_at: null,
    })
    return new StepResponse<typeof promoter, Undo>(promoter, { previous: { id: existing.id, ...previous } })
  },
  async (data, { container }) => {
    if (!data) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    if (data.created_id) await service.deletePromoters(data.created_id)
    if (data.previous) await service.updatePromoters(data.previous as any)
  }
)

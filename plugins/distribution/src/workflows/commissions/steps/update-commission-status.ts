import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { asBigNumberInput } from "@fission/core/utils"

export type CommissionUpdate = {
  id: string
  status?: "pending" | "available" | "voided" | "reversed"
  reversed_amount?: string
  settled_at?: Date
}

/** Mirrors ledger outcomes onto the commission records; compensation restores the previous values. */
export const updateCommissionStatusStep = createStep(
  "fission-update-commission-status",
  async (updates: CommissionUpdate[], { container }) => {
    if (!updates.length) return new StepResponse([], [])
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const before = await service.listCommissions({ id: updates.map((u) => u.id) })
    await service.updateCommissions(
      updates.map(({ reversed_amount, ...u }) =>
        reversed_amount === undefined ? u : { ...u, reversed_amount: asBigNumberInput(reversed_amount) }
      )
    )
    return new StepResponse(
      updates,
      before.map((b) => ({ id: b.id, status: b.status, reversed_amount: b.reversed_amount, settled_at: b.settled_at }))
    )
  },
  async (before, { container }) => {
    if (!before?.length) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.updateCommissions(before as any)
  }
)

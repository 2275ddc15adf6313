import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import type { NewWithdrawal } from "../../../modules/distribution/withdrawal-rows"

/**
 * Records the request (status `requested`) within the daily count limit, decided
 * in Postgres. Compensation deletes it: if the ledger then refuses to hold the
 * funds, the request never existed and does not count towards the limit.
 */
export const createWithdrawalStep = createStep(
  "fission-distribution-create-withdrawal",
  async (input: NewWithdrawal, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const withdrawal = await service.createWithdrawalWithinDailyLimit(input)
    return new StepResponse(withdrawal, withdrawal.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).deleteRequestedWithdrawal(id)
  }
)

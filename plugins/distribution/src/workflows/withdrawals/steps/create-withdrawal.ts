import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { deleteRequestedWithdrawal, insertWithdrawalWithinDailyLimit, NewWithdrawal } from "../withdrawal-rows"

/**
 * Records the request (status `requested`) within the daily count limit, decided
 * in Postgres. Compensation deletes it: if the ledger then refuses to hold the
 * funds, the request never existed and does not count towards the limit.
 */
export const createWithdrawalStep = createStep(
  "fission-distribution-create-withdrawal",
  async (input: NewWithdrawal, { container }) => {
    const withdrawal = await insertWithdrawalWithinDailyLimit(container, input)
    return new StepResponse(withdrawal, withdrawal.id)
  },
  async (id, { container }) => {
    if (id) await deleteRequestedWithdrawal(container, id)
  }
)

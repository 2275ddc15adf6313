import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LEDGER_MODULE, LedgerModuleService } from "@fission/core/modules/ledger"
import { GROUP_DRAW_MODULE, GroupDrawModuleService } from "../../../modules/group-draw"

/** Idempotency key of a winner's shopping-fund posting (see settle-group). */
export const winnerFundKey = (member: { id: string; group_id: string }) =>
  `group_draw:${member.group_id}:${member.id}:shopping_fund`

/**
 * The still-pending shopping-fund postings of the order's winning seats: none for
 * another order, a loser, a campaign without a fund, or a fund already posted.
 */
export const findPendingWinnerFundsStep = createStep(
  "fission-group-draw-find-pending-winner-funds",
  async ({ order_id }: { order_id: string }, { container }) => {
    const winners = await container
      .resolve<GroupDrawModuleService>(GROUP_DRAW_MODULE)
      .listGroupDrawMembers({ order_id, status: "won" }, { select: ["id", "group_id"] })
    if (!winners.length) return new StepResponse([] as string[])
    const pending = await container
      .resolve<LedgerModuleService>(LEDGER_MODULE)
      .listLedgerPostings({ idempotency_key: winners.map(winnerFundKey), status: "pending" }, { select: ["idempotency_key"] })
    return new StepResponse(pending.map((p: { idempotency_key: string }) => p.idempotency_key))
  }
)

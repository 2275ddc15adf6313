import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BLIND_BOX_MODULE, BlindBoxModuleService } from "../../../modules/blind-box"
import { ReserveOpenInput } from "../../../modules/blind-box/opens"

/** A place among the possible opens (see modules/blind-box/opens.ts). Compensation: released, nothing charged. */
export const reserveOpenStep = createStep(
  "fission-blind-box-reserve-open",
  async (input: ReserveOpenInput, { container }) => {
    const result = await container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE).reserveOpen(input)
    return new StepResponse(result, result.replayed ? null : (result.open.id as string))
  },
  async (openId, { container }) => {
    if (openId) await container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE).releaseOpen(openId, "the payment did not go through")
  }
)

/**
 * The paid reservation becomes the next open number (the win at the prize position).
 * No compensation: it is the last step, and a numbered open is paid and final.
 */
export const numberOpenStep = createStep(
  "fission-blind-box-number-open",
  async (input: { open: Record<string, any>; replayed: boolean; wallet_payment_id: string | null }, { container }) => {
    const service = container.resolve<BlindBoxModuleService>(BLIND_BOX_MODULE)
    if (input.replayed && input.open.status !== "reserved") return new StepResponse({ open: input.open, won: input.open.status === "won" })
    return new StepResponse(await service.numberOpen(input.open.id, input.wallet_payment_id!))
  }
)

import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { OrderEarning } from "./build-order-earning"

/**
 * Stores what the order earned, once: a redelivered event (or a concurrent
 * one that lost the unique index) gets the stored record and `created: false`,
 * so the amounts first computed are the ones posted.
 */
export const createMembershipOrderStep = createStep(
  "fission-membership-create-order",
  async (earning: OrderEarning | null, { container }) => {
    if (!earning) return new StepResponse({ record: null as OrderEarning | null, created: false }, null)
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const existing = async () => (await service.listMembershipOrders({ order_id: earning.order_id }))[0]
    const found = await existing()
    if (found) return new StepResponse({ record: { ...earning, ...toEarning(found) }, created: false }, null)
    try {
      const { expires_at, ...data } = earning
      const row = await service.createMembershipOrders(data as any)
      return new StepResponse({ record: earning, created: true }, row.id)
    } catch (e) {
      const again = await existing()
      if (!again) throw e
      return new StepResponse({ record: { ...earning, ...toEarning(again) }, created: false }, null)
    }
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).deleteMembershipOrders(id)
  }
)

const toEarning = (row: any): Partial<OrderEarning> => ({
  points: Number(row.points),
  growth: Number(row.growth),
  status: row.status,
  available_at: row.available_at,
})

import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBER_TASKS_MODULE, MemberTasksModuleService } from "../../../modules/member-tasks"
import { ordersOf } from "../../../utils/task-lookups"
import { paidOrderWithProduct } from "../../../utils/task-orders"

export type ProductReviewInput = { customer_id: string; product_id: string; rating: number; content?: string | null }

/** A review needs a paid order of the customer containing the product; one review per customer and product. */
export const recordProductReviewStep = createStep(
  "fission-membership-record-product-review",
  async (input: ProductReviewInput, { container }) => {
    const order = paidOrderWithProduct(await ordersOf(container, input.customer_id), input.product_id)
    if (!order) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `product_id ${input.product_id}: only a product you bought and paid for can be reviewed`)
    }
    const service = container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE)
    const review = await service.recordReview({
      customer_id: input.customer_id,
      product_id: input.product_id,
      order_id: order.id,
      rating: input.rating,
      content: input.content ?? null,
    })
    if (!review) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `You already reviewed product ${input.product_id}`, "already_reviewed")
    return new StepResponse(review, review.id as string)
  },
  async (id, { container }) => {
    if (id) await container.resolve<MemberTasksModuleService>(MEMBER_TASKS_MODULE).removeReview(id)
  }
)

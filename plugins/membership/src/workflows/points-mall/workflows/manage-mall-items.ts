import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createMallItemStep, deleteMallItemStep, MallItemData, updateMallItemStep, validateMallItemStep } from "../steps"

export const createMallItemWorkflow = createWorkflow("fission-membership-create-mall-item", (input: MallItemData) => {
  const valid = validateMallItemStep(input)
  return new WorkflowResponse(createMallItemStep(valid))
})

export const updateMallItemWorkflow = createWorkflow("fission-membership-update-mall-item", (input: MallItemData & { id: string }) => {
  validateMallItemStep(input)
  return new WorkflowResponse(updateMallItemStep(input))
})

export const deleteMallItemWorkflow = createWorkflow("fission-membership-delete-mall-item", (input: { id: string }) => {
  return new WorkflowResponse(deleteMallItemStep(input.id))
})

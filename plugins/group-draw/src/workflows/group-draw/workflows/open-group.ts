import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { commitGroupDrawsStep, createOpenGroupStep, OpenGroupInput, validateOpenGroupStep } from "../steps"

/**
 * `POST /store/fission/group-draws/:id/groups`: a shopper opens a group (SPEC §4.2) and
 * its fair draw is committed at once; within the campaign's limits the shopper may choose
 * the group's size, winners, duration and visibility (SPEC §4.1); the returned group id goes on the cart line.
 */
export const openGroupDrawGroupWorkflow = createWorkflow("fission-group-draw-open-group", (input: OpenGroupInput) => {
  const validated = validateOpenGroupStep(input)
  const group = createOpenGroupStep(
    transform({ validated, input }, ({ validated, input }) => ({
      campaign: validated.campaign,
      rules: validated.rules,
      customer_id: input.customer_id,
    }))
  )
  const ids = transform({ group }, ({ group }) => ({ group_ids: [group.id] }))
  commitGroupDrawsStep(ids)
  return new WorkflowResponse(group)
})

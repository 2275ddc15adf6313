import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { saveTemplateStep, TemplateInput } from "../steps/templates"

/** Creates (no id) or updates a blind-box template, validated against the compliance settings and frozen terms. */
export const saveBlindBoxTemplateWorkflow = createWorkflow(
  "fission-blind-box-save-template",
  (input: { id?: string; data: TemplateInput }) => new WorkflowResponse(saveTemplateStep(input))
)

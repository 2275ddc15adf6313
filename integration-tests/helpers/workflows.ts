import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Runs a workflow registered by the app (the built plugins) by name. HTTP suites
 * use this instead of importing plugin sources, which would register a second,
 * differently-built copy of the same workflow id.
 */
export async function runWorkflow(container: MedusaContainer, name: string, input: unknown) {
  const engine = container.resolve(Modules.WORKFLOW_ENGINE)
  // A failing step reports `errors`; an error thrown outside a step (e.g. a transform) only `thrownError`.
  const { result, errors, thrownError } = await engine.run(name, { input, throwOnError: false })
  const error = errors?.[0]?.error ?? thrownError
  if (error) throw error
  return result
}

/** Runs a scheduled job now, as if it were scheduled for `scheduledFor`. */
export const runJob = (container: MedusaContainer, jobName: string, scheduledFor: Date) =>
  runWorkflow(container, `job-${jobName}`, { scheduledFor: scheduledFor.toISOString() })

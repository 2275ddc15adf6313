import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings } from "@fission/core/utils"
import { REBATES_MODULE, RebatesModuleService } from "../../../modules/rebates"

export type RebateLevelInput = {
  position: number
  name: string
  min_consumption: number
  team_structure: number[] | null
  dividend_points: number
}

const FIELDS = ["position", "name", "min_consumption", "team_structure", "dividend_points"] as const

async function assertPositionFree(service: RebatesModuleService, position: number | undefined, id?: string) {
  if (position === undefined) return
  const [taken] = await service.listRebateLevels({ position })
  if (taken && taken.id !== id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `position ${position} is already used by level ${taken.id} (${taken.name})`)
  }
}

/** Team conditions may count members only as deep as compliance allows (SPEC §0.6, at most 3). */
async function assertDepth(container: any, team_structure: number[] | null | undefined) {
  if (!team_structure) return
  const max = (await getComplianceSettings(container)).max_team_condition_depth ?? 3
  if (team_structure.length > max) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `team_structure counts ${team_structure.length} depths but compliance max_team_condition_depth is ${max}`
    )
  }
}

async function assertLevelCount(service: RebatesModuleService) {
  const [, count] = await service.listAndCountRebateLevels({}, { take: 1 })
  if (count >= 20) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "a store can define at most 20 activity levels")
}

const createRebateLevelStep = createStep(
  "fission-rebates-create-level",
  async (input: RebateLevelInput, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    await service.retrieveSettings() // the seed levels exist before the first edit
    await assertLevelCount(service)
    await assertPositionFree(service, input.position)
    await assertDepth(container, input.team_structure)
    const level = await service.createRebateLevels(input as any)
    return new StepResponse(level, level.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<RebatesModuleService>(REBATES_MODULE).deleteRebateLevels(id)
  }
)

const updateRebateLevelStep = createStep(
  "fission-rebates-update-level",
  async (input: Partial<RebateLevelInput> & { id: string }, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    const before = await service.retrieveRebateLevel(input.id)
    await assertPositionFree(service, input.position, input.id)
    await assertDepth(container, input.team_structure)
    const level = await service.updateRebateLevels(input as any)
    const restore: any = { id: before.id }
    for (const f of FIELDS) restore[f] = (before as any)[f]
    return new StepResponse(level, restore)
  },
  async (restore, { container }) => {
    if (restore) await container.resolve<RebatesModuleService>(REBATES_MODULE).updateRebateLevels(restore)
  }
)

const deleteRebateLevelStep = createStep(
  "fission-rebates-delete-level",
  async (input: { id: string }, { container }) => {
    const service = container.resolve<RebatesModuleService>(REBATES_MODULE)
    await service.retrieveRebateLevel(input.id)
    await service.softDeleteRebateLevels(input.id)
    return new StepResponse({ id: input.id, deleted: true }, input.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<RebatesModuleService>(REBATES_MODULE).restoreRebateLevels(id)
  }
)

/** Level editor (SPEC §3.1). Awards already posted keep their points; months are re-evaluated as orders change. */
export const createRebateLevelWorkflow = createWorkflow("fission-rebates-create-level", (input: RebateLevelInput) => {
  return new WorkflowResponse(createRebateLevelStep(input))
})
export const updateRebateLevelWorkflow = createWorkflow(
  "fission-rebates-update-level",
  (input: Partial<RebateLevelInput> & { id: string }) => new WorkflowResponse(updateRebateLevelStep(input))
)
export const deleteRebateLevelWorkflow = createWorkflow("fission-rebates-delete-level", (input: { id: string }) => {
  return new WorkflowResponse(deleteRebateLevelStep(input))
})

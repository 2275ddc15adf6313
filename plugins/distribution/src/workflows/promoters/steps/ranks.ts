import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getComplianceSettings } from "@fission/core/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../../modules/distribution"
import { RankInput, validateRankInput } from "../../../utils/referral/rank"

const RANK_FIELDS = ["name", "position", "is_default", "is_leader", "conditions", "level1_rate", "level2_rate", "team_reward_amount", "leader_share_rate"] as const
const snapshot = (rank: Record<string, any>) => ({ id: rank.id, ...Object.fromEntries(RANK_FIELDS.map((f) => [f, rank[f]])) })

async function validated(container: any, input: RankInput) {
  const compliance = await getComplianceSettings(container)
  return validateRankInput(input, { max_team_condition_depth: compliance.max_team_condition_depth })
}

/** At most one default rank: making one default clears the flag on the others (returned for compensation). */
async function clearOtherDefaults(service: DistributionModuleService, keepId: string) {
  const others = (await service.listDistributionRanks({ is_default: true })).filter((r) => r.id !== keepId)
  if (others.length) await service.updateDistributionRanks(others.map((r) => ({ id: r.id, is_default: false })))
  return others.map((r) => r.id)
}

export const createDistributionRankStep = createStep(
  "fission-create-distribution-rank",
  async (input: RankInput & { name: string }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const rank = await service.createDistributionRanks((await validated(container, input)) as any)
    const cleared = rank.is_default ? await clearOtherDefaults(service, rank.id) : []
    return new StepResponse(rank, { id: rank.id, cleared })
  },
  async (data, { container }) => {
    if (!data) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.deleteDistributionRanks(data.id)
    if (data.cleared.length) await service.updateDistributionRanks(data.cleared.map((id) => ({ id, is_default: true })))
  }
)

export const updateDistributionRankStep = createStep(
  "fission-update-distribution-rank",
  async ({ id, ...input }: RankInput & { id: string }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    const previous = await service.retrieveDistributionRank(id)
    const rank = await service.updateDistributionRanks({ id, ...((await validated(container, input)) as any) })
    const cleared = input.is_default ? await clearOtherDefaults(service, id) : []
    return new StepResponse(rank, { previous: snapshot(previous), cleared })
  },
  async (data, { container }) => {
    if (!data) return
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.updateDistributionRanks(data.previous as any)
    if (data.cleared.length) await service.updateDistributionRanks(data.cleared.map((id) => ({ id, is_default: true })))
  }
)

/** Deletes a rank nobody holds; a rank assigned to promoters → 400 `not_allowed` (reassign them first). */
export const deleteDistributionRankStep = createStep(
  "fission-delete-distribution-rank",
  async ({ id }: { id: string }, { container }) => {
    const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
    await service.retrieveDistributionRank(id)
    const [, holders] = await service.listAndCountPromoters({ rank_id: id }, { take: 1 })
    if (holders > 0) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `rank ${id} is held by ${holders} promoter(s); assign them another rank first`)
    }
    await service.softDeleteDistributionRanks(id)
    return new StepResponse({ id, deleted: true }, id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE).restoreDistributionRanks(id)
  }
)

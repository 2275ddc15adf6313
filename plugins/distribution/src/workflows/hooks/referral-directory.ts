import { MedusaContainer } from "@medusajs/framework/types"
import { ReferralDirectorySource, registerReferralDirectory } from "@fission/core/utils"
import { DISTRIBUTION_MODULE, DistributionModuleService } from "../../modules/distribution"

/**
 * Distribution keeps the referral forest, so it answers core's referral
 * directory (`referralDirectory(container)` in @fission/core/utils): rebates'
 * team conditions, blind box's referral rewards and membership's invite rewards
 * read the tree through core, never from these tables. Medusa imports this file
 * at boot (every plugin's workflows folder), so the directory exists before the
 * first request. Each query is one module-service call (one statement); core
 * checks and caps the input first.
 */
export function distributionDirectory(container: MedusaContainer): ReferralDirectorySource | null {
  // a test or a script may load this file in an app without the module
  if (!container.hasRegistration(DISTRIBUTION_MODULE)) return null
  const service = container.resolve<DistributionModuleService>(DISTRIBUTION_MODULE)
  return {
    referrerOf: (customer_id) => service.findReferrer(customer_id),
    ancestors: async (customer_id, depth) =>
      (await service.listReferralUpline(customer_id, depth)).map((a) => ({ customer_id: a.customer_id, depth: Number(a.depth) })),
    teamCounts: (customer_id, depth) => service.retrieveTeamCounts(customer_id, depth),
    activeMembersPerLevel: (customer_ids, query) => service.countActiveMembersPerLevel(customer_ids, query),
    teamLeaderOf: (customer_id, depth) => service.findTeamLeader(customer_id, depth),
  }
}

registerReferralDirectory({ name: "distribution", open: distributionDirectory })

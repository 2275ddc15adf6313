import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MEMBERSHIP_MODULE, MembershipModuleService } from "../../../modules/membership"
import { birthdayRefusal, localDate } from "../../../utils"
import { profileOf } from "../../levels/steps"

export type SetMemberBirthdayInput = {
  customer_id: string
  birthday: string | null
  /** The customer sets it once; admins may change it. */
  once: boolean
}

/**
 * Stores a member's birthday on their profile. A customer can set it once (so
 * birthday points cannot be farmed by moving it); later changes are an admin's.
 */
export const setMemberBirthdayStep = createStep(
  "fission-membership-set-birthday",
  async (input: SetMemberBirthdayInput, { container }) => {
    const service = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
    const settings = await service.retrieveSettings()
    if (input.birthday !== null) {
      const refusal = birthdayRefusal(input.birthday, localDate(new Date(), settings.time_zone))
      if (refusal) throw new MedusaError(MedusaError.Types.INVALID_DATA, refusal)
    }
    const profile = await profileOf(service, input.customer_id)
    if (!(await service.setBirthday(profile.id, input.birthday, input.once))) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "birthday is already set; ask the store to change it")
    }
    return new StepResponse({ customer_id: input.customer_id, birthday: input.birthday }, { id: profile.id, birthday: profile.birthday ?? null })
  },
  async (before, { container }) => {
    if (before) await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).updateMemberProfiles(before)
  }
)

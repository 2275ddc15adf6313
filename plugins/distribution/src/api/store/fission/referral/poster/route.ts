import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { renderReferralPoster } from "../../../../../utils/referral/poster"
import { referralView } from "../../../../utils/referral-people"

/**
 * GET /store/fission/referral/poster → `image/png`: the QR code of the
 * customer's share link with the referral code printed under it (SPEC §2.1).
 * 400 while the customer has no usable code (not, or not yet, a promoter).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const referral = await referralView(req.scope, req.auth_context.actor_id)
  if (!referral.code || !referral.link) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `no referral code to put on a poster: promoter status is ${referral.promoter_status}`
    )
  }
  const { png } = renderReferralPoster({ link: referral.link, code: referral.code })
  res.setHeader("content-type", "image/png")
  res.setHeader("content-length", String(png.length))
  res.setHeader("cache-control", "private, max-age=300")
  res.setHeader("content-disposition", `inline; filename="referral-${referral.code}.png"`)
  res.status(200).end(png)
}

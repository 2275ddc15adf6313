import { MedusaContainer } from "@medusajs/framework/types"
import { expireReferralBindingsWorkflow } from "../workflows/referral"

/**
 * Daily: removes referral bindings whose expiry passed (binding_expiry_days
 * without a purchase, SPEC §2.2), each audited as an `expire` event.
 * Commissions already ignore expired bindings the moment they expire; this
 * makes team views and counters follow. Idempotent, so duplicate ticks or
 * several workers are harmless (each expiry runs under the forest lock).
 */
export default async function expireReferralBindingsJob(container: MedusaContainer, context?: { scheduledFor: Date }) {
  await expireReferralBindingsWorkflow(container).run({ input: { as_of: context?.scheduledFor ?? new Date() } })
}

export const config = { name: "fission-distribution-expire-referral-bindings", schedule: "20 0 * * *" }

/** Idempotency keys of every blind-box posting and payment, built from their cause. */
export const initiationVoucherKey = (campaignId: string) => `blind_box:${campaignId}:initiation:vouchers`
export const initiationRewardKey = (campaignId: string, who: "referrer" | "leader") => `blind_box:${campaignId}:initiation:${who}`
export const openPaymentKey = (openId: string) => `blind_box:${openId}:payment`
export const openPayoutKey = (openId: string, what: "initiator_share" | "consolation" | "referrer") => `blind_box:${openId}:${what}`
export const claimVoucherKey = (campaignId: string) => `blind_box:${campaignId}:claim:vouchers`
export const seedGiftKey = (templateId: string, customerId: string) => `blind_box:${templateId}:seed_gift:${customerId}`

/**
 * The prize draw's inputs, all fixed at initiation: the initiator (with their client seed)
 * and the bounds no_win_opens + 1 … boxes. The sealed position and the revealed draw use
 * exactly these, so the public record recomputes the position the campaign acted on.
 */
export const prizeDrawInputs = (c: { initiator_id: string; client_seed?: string | null; no_win_opens: number; boxes: number }) => ({
  participants: [{ id: c.initiator_id, client_seed: c.client_seed ?? "" }],
  min: Number(c.no_win_opens) + 1,
  max: Number(c.boxes),
})

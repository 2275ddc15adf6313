// Referral identity and binding (SPEC §2.1, §2.2). Internal API for the
// commission lifecycle: getReferralAncestors / resolveReferralAncestorsStep,
// bindOnFirstOrderWorkflow, recordReferralPurchaseStep; and for promoters see ../promoters.
export * from "./get-referral-ancestors"
export * from "./steps"
export * from "./workflows"

/** The UTC day a blind-box spend counts against the daily limit (SPEC §0.6): YYYY-MM-DD. */
export const spendDay = (at: Date = new Date()): string => at.toISOString().slice(0, 10)

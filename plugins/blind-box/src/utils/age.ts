/**
 * Age confirmation before a first blind-box purchase (SPEC §0.6): at least the store's
 * minimum age (default 8); below the guardian age (default 18) a guardian's consent must be
 * recorded. Returns the problem, or null when the confirmation is acceptable.
 */
export function ageProblem(
  input: { age: number; guardian_consent?: boolean; guardian_name?: string | null },
  settings: { blind_box_min_age: number; guardian_consent_below_age: number }
): string | null {
  if (input.age < settings.blind_box_min_age) {
    return `age must be at least ${settings.blind_box_min_age} to buy blind boxes`
  }
  if (input.age < settings.guardian_consent_below_age) {
    if (!input.guardian_consent) return `guardian_consent is required below the age of ${settings.guardian_consent_below_age}`
    if (!input.guardian_name || !input.guardian_name.trim()) {
      return `guardian_name is required below the age of ${settings.guardian_consent_below_age}`
    }
  }
  return null
}

import { PromoterStatus } from "./bind-rules"

/**
 * Admin actions on a promoter (SPEC §2.3) and the statuses they apply to.
 * approve: an application (or a rejected one, on second thought) becomes active;
 * reject: only a pending application; disable keeps the record and history but
 * stops referring and earning; enable reverses it.
 */
export type PromoterAction = "approve" | "reject" | "disable" | "enable"

const TRANSITIONS: Record<PromoterAction, { from: PromoterStatus[]; to: PromoterStatus }> = {
  approve: { from: ["applied", "rejected"], to: "active" },
  reject: { from: ["applied"], to: "rejected" },
  disable: { from: ["applied", "active", "rejected"], to: "disabled" },
  enable: { from: ["disabled"], to: "active" },
}

/** The next status, or an error message (400 not_allowed) naming the current status. */
export function promoterTransition(
  status: PromoterStatus,
  action: PromoterAction
): { to: PromoterStatus; error: null } | { to: null; error: string } {
  const rule = TRANSITIONS[action]
  if (rule.from.includes(status)) return { to: rule.to, error: null }
  return { to: null, error: `cannot ${action} a promoter whose status is ${status} (allowed from: ${rule.from.join(", ")})` }
}

export * from "./apply-team-award"
export * from "./sweep-team-awards"

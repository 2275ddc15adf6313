export * from "./apply-team-award"
export * from "./sweep-team-awards"
export * from "./reverse-team-award"

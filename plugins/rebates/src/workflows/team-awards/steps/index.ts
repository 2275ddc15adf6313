export * from "./apply-team-award"
export * from "./release-frozen-team-awards"
export * from "./sweep-team-awards"
export * from "./reverse-team-award"

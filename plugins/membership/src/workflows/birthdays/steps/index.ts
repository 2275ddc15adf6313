export * from "./plan-birthday-points"
export * from "./set-member-birthday"

export * from "./credit-birthday-points"
export * from "./set-member-birthday"

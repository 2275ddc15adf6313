export * from "./open-group"
export * from "./seat-order"
export * from "./draw-group"
export * from "./settle-group"

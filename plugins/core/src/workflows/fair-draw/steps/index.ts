export * from "./commit-draw"
export * from "./commit-draw-chain"
export * from "./draw-kinds"
export * from "./execute-draw"

export * from "./commit-draw"
export * from "./commit-draw-chain"
export * from "./execute-draw"

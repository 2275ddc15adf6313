export * from "./commit-draw"
export * from "./execute-draw"

export * from "./fair-draw"

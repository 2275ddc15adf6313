export { default as FairDraw } from "./fair-draw"

export type { CartCheck, CartCheckCart, CartCheckContext, RegisteredCartCheck } from "./registry"
export { listCartChecks, registerCartCheck, runCartChecks, unregisterCartCheck } from "./registry"

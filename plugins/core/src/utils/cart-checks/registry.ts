import { MedusaContainer } from "@medusajs/framework/types"

/**
 * The cart as `completeCartWorkflow` loaded it (core-flows `completeCartFields`:
 * id, metadata, currency_code, email, customer, items with variant/product ids,
 * totals, region, shipping methods, credit lines, payment collection, ...).
 */
export type CartCheckCart = {
  id: string
  metadata?: Record<string, unknown> | null
  [field: string]: any
}

export type CartCheckContext = {
  cart: CartCheckCart
  container: MedusaContainer
}

/** Resolves to accept the cart; throws a MedusaError (NOT_ALLOWED / INVALID_DATA) to reject it. */
export type CartCheck = (ctx: CartCheckContext) => Promise<void> | void

export type RegisteredCartCheck = { name: string; check: CartCheck }

const REGISTRY_KEY = Symbol.for("fission.cart-checks")

/**
 * The registry lives on `globalThis` under a `Symbol.for` key: the same plugin
 * can be loaded through several paths (its package export, its build folder
 * during Medusa's boot, a test importing the source), each a separate module
 * instance, and all of them must see the same checks.
 */
function registry(): Map<string, CartCheck> {
  const store = globalThis as unknown as Record<symbol, Map<string, CartCheck> | undefined>
  let checks = store[REGISTRY_KEY]
  if (!checks) {
    checks = new Map()
    store[REGISTRY_KEY] = checks
  }
  return checks
}

/**
 * Registers a check that runs before every cart completion
 * (`completeCartWorkflow.hooks.validate`, owned by @fission/core — Medusa
 * allows only one handler per workflow hook, so feature plugins never register
 * core-workflow hooks themselves).
 *
 * Call it at module load time from a file in your plugin's
 * `src/workflows/hooks/` folder — Medusa imports every plugin's workflows
 * folder at boot, so the check is in place before the first request:
 *
 *     // plugins/blind-box/src/workflows/hooks/cart-checks.ts
 *     import { MedusaError } from "@medusajs/framework/utils"
 *     import { registerCartCheck } from "@fission/core/utils"
 *
 *     registerCartCheck("blind-box:age-confirmation", async ({ cart, container }) => {
 *       if (needsAgeConfirmation(cart)) {
 *         throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Confirm your age before opening a blind box")
 *       }
 *     })
 *
 * Names are namespaced by plugin (`<plugin>:<check>`). Registering a name again
 * replaces the earlier check in its original position (so reloading a file
 * neither duplicates nor reorders checks). Checks run in registration order;
 * the first one that throws aborts the completion with its error (a MedusaError
 * NOT_ALLOWED / INVALID_DATA becomes a 400 from `POST /store/carts/:id/complete`
 * and no order is created). Checks must not mutate the cart.
 */
export function registerCartCheck(name: string, check: CartCheck): void {
  if (typeof name !== "string" || !name.trim()) {
    throw new TypeError("registerCartCheck: name must be a non-empty string")
  }
  if (typeof check !== "function") {
    throw new TypeError(`registerCartCheck(${name}): check must be a function`)
  }
  registry().set(name, check)
}

/** Removes a check; returns whether one was registered under that name. */
export function unregisterCartCheck(name: string): boolean {
  return registry().delete(name)
}

/** The registered checks, in the order they run. */
export function listCartChecks(): RegisteredCartCheck[] {
  return [...registry()].map(([name, check]) => ({ name, check }))
}

/**
 * Runs every registered check, one after the other in registration order; the
 * first rejection propagates unchanged. Checks registered while a run is in
 * progress apply from the next run.
 */
export async function runCartChecks(ctx: CartCheckContext): Promise<void> {
  for (const { check } of listCartChecks()) {
    await check(ctx)
  }
}

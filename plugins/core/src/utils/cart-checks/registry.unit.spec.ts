import { MedusaError } from "@medusajs/framework/utils"
import { listCartChecks, registerCartCheck, runCartChecks, unregisterCartCheck } from "./index"

const REGISTRY_KEY = Symbol.for("fission.cart-checks")
const ctx = (metadata: Record<string, unknown> = {}) => ({ cart: { id: "cart_1", metadata }, container: {} as any })

beforeEach(() => {
  for (const { name } of listCartChecks()) unregisterCartCheck(name)
})

describe("cart-check registry", () => {
  it("runs every check in registration order", async () => {
    const calls: string[] = []
    registerCartCheck("a:first", () => {
      calls.push("first")
    })
    registerCartCheck("b:second", async () => {
      await new Promise((r) => setTimeout(r, 5))
      calls.push("second")
    })
    registerCartCheck("c:third", () => {
      calls.push("third")
    })
    await runCartChecks(ctx())
    expect(calls).toEqual(["first", "second", "third"])
    expect(listCartChecks().map((c) => c.name)).toEqual(["a:first", "b:second", "c:third"])
  })

  it("is idempotent by name: re-registering replaces the check in its original position", async () => {
    const calls: string[] = []
    registerCartCheck("x", () => void calls.push("x1"))
    registerCartCheck("y", () => void calls.push("y"))
    registerCartCheck("x", () => void calls.push("x2"))
    expect(listCartChecks().map((c) => c.name)).toEqual(["x", "y"])
    await runCartChecks(ctx())
    expect(calls).toEqual(["x2", "y"])
  })

  it("passes cart and container to each check", async () => {
    const seen: any[] = []
    registerCartCheck("spy", (c) => void seen.push(c))
    const c = ctx({ a: 1 })
    await runCartChecks(c)
    expect(seen).toEqual([c])
  })

  it("stops at the first rejection and propagates the MedusaError unchanged", async () => {
    const after = jest.fn()
    registerCartCheck("test:reject", ({ cart }) => {
      if (cart.metadata?.fission_test_reject === true) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "rejected by test")
      }
    })
    registerCartCheck("test:after", after)

    await expect(runCartChecks(ctx({ fission_test_reject: true }))).rejects.toMatchObject({
      type: MedusaError.Types.NOT_ALLOWED,
      message: "rejected by test",
    })
    expect(after).not.toHaveBeenCalled()

    await expect(runCartChecks(ctx())).resolves.toBeUndefined()
    expect(after).toHaveBeenCalledTimes(1)
  })

  it("resolves with no checks registered", async () => {
    await expect(runCartChecks(ctx())).resolves.toBeUndefined()
  })

  it("unregisters by name", () => {
    registerCartCheck("gone", () => undefined)
    expect(unregisterCartCheck("gone")).toBe(true)
    expect(unregisterCartCheck("gone")).toBe(false)
    expect(listCartChecks()).toEqual([])
  })

  it("rejects a blank name or a non-function check", () => {
    expect(() => registerCartCheck("  ", () => undefined)).toThrow(TypeError)
    expect(() => registerCartCheck("x", "nope" as any)).toThrow(TypeError)
  })

  it("keeps the registry on globalThis so separately loaded copies of the module share it", async () => {
    registerCartCheck("shared", () => undefined)
    const shared = (globalThis as any)[REGISTRY_KEY] as Map<string, unknown>
    expect(shared).toBeInstanceOf(Map)
    expect([...shared.keys()]).toEqual(["shared"])

    // A second, independent instance of the module (as when loaded through another path).
    let copy: typeof import("./registry") | undefined
    jest.isolateModules(() => {
      copy = require("./registry")
    })
    expect(copy!.registerCartCheck).not.toBe(registerCartCheck)
    expect(copy!.listCartChecks().map((c) => c.name)).toEqual(["shared"])
    copy!.registerCartCheck("from-copy", () => {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "copy says no")
    })
    await expect(runCartChecks(ctx())).rejects.toThrow("copy says no")
  })
})

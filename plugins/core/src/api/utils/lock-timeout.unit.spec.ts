import { MedusaError } from "@medusajs/framework/utils"
import { isLockTimeout } from "./lock-timeout"

describe("isLockTimeout", () => {
  it("knows every lock provider's refusal, also wrapped or serialised by a workflow", () => {
    expect(isLockTimeout(new Error("Timed-out acquiring lock."))).toBe(true) // in-memory, PostgreSQL
    expect(isLockTimeout(new MedusaError(MedusaError.Types.CONFLICT, "Timed-out acquiring lock."))).toBe(true) // Redis
    expect(isLockTimeout(new MedusaError(MedusaError.Types.CONFLICT, 'Failed to acquire lock for key "iitem_1"'))).toBe(true)
    expect(isLockTimeout({ message: "Timed-out acquiring lock.", name: "Error" })).toBe(true)
    expect(isLockTimeout(new Error("step failed", { cause: new Error("Timed-out acquiring lock.") }))).toBe(true)
  })
  it("leaves every other error to the other handlers", () => {
    expect(isLockTimeout(new MedusaError(MedusaError.Types.CONFLICT, "Cart is already being completed by another request"))).toBe(false)
    expect(isLockTimeout(new Error("Knex: Timeout acquiring a connection. The pool is probably full."))).toBe(false)
    expect(isLockTimeout(null)).toBe(false)
    const loop: any = { message: "x" }
    loop.cause = loop
    expect(isLockTimeout(loop)).toBe(false)
  })
})

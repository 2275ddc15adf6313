import { isConnectionLoss } from "./connection-loss"

describe("isConnectionLoss", () => {
  it("knows a terminated backend, a dropped socket and the pool giving up, also wrapped or serialised", () => {
    expect(isConnectionLoss(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true)
    expect(isConnectionLoss(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(true)
    expect(isConnectionLoss(new Error("Knex: Timeout acquiring a connection. The pool is probably full."))).toBe(true)
    expect(isConnectionLoss({ message: "select 1 - Connection terminated unexpectedly" })).toBe(true)
    expect(isConnectionLoss(new Error("Transaction query already complete, run with DEBUG=knex:tx for more info"))).toBe(true)
    expect(isConnectionLoss(new Error("step failed", { cause: { code: "08006", message: "x" } }))).toBe(true)
  })
  it("leaves every other error to Medusa's handler", () => {
    expect(isConnectionLoss(Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505" }))).toBe(false)
    expect(isConnectionLoss(new Error("Insufficient balance"))).toBe(false)
    expect(isConnectionLoss(null)).toBe(false)
    const loop: any = { message: "x" }
    loop.cause = loop
    expect(isConnectionLoss(loop)).toBe(false)
  })
})

import { MedusaError } from "@medusajs/framework/utils"
import { fissionErrorHandler } from "./error-handler"

const respond = (error: unknown) => {
  const res: any = { headers: {}, statusCode: 0, body: null }
  res.setHeader = (k: string, v: string) => (res.headers[k] = v)
  res.status = (code: number) => ((res.statusCode = code), res)
  res.json = (body: unknown) => ((res.body = body), res)
  fissionErrorHandler()(error as any, { method: "POST", url: "/store/carts/x/complete", scope: { resolve: () => ({ warn: () => {}, info: () => {}, error: () => {} }) } } as any, res, () => {})
  return res
}

describe("fissionErrorHandler", () => {
  it("answers a lock wait that ran out with 429 and Retry-After 2", () => {
    const res = respond(new Error("Timed-out acquiring lock."))
    expect([res.statusCode, res.headers["Retry-After"], res.body.code]).toEqual([429, "2", "lock_timeout"])
  })

  it("answers a lost database connection with 503 and Retry-After 1", () => {
    const res = respond(Object.assign(new Error("Connection terminated unexpectedly"), { code: "57P01" }))
    expect([res.statusCode, res.headers["Retry-After"], res.body.code]).toEqual([503, "1", "database_unavailable"])
  })

  it("leaves every other error to Medusa's handler (a 400 keeps its message)", () => {
    const res = respond(new MedusaError(MedusaError.Types.INVALID_DATA, "amount must be positive"))
    expect(res.statusCode).toBe(400)
    expect(res.body.message).toBe("amount must be positive")
    expect(res.headers["Retry-After"]).toBeUndefined()
  })
})

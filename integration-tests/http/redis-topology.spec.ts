import Redis from "ioredis"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { loginShopper } from "../helpers/actors"
import { placeOrder } from "../helpers/checkout"
import { redisReachable, TEST_REDIS_URL } from "../helpers/redis"
import { setupStore } from "../helpers/setup"

jest.setTimeout(120_000)

if (!redisReachable()) {
  // Visible in the run's output: the production topology is not exercised on this machine.
  console.warn(`SKIPPED redis-topology.spec.ts: no Redis at ${TEST_REDIS_URL}`)
  describe.skip("Redis topology (no Redis server reachable)", () => it("needs Redis", () => {}))
} else {
  // medusa-config.ts is read before the runner applies its `env` option: set it now,
  // and restore it so later suites in this process keep the in-process modules.
  const previous = process.env.REDIS_URL
  process.env.REDIS_URL = TEST_REDIS_URL
  const redis = new Redis(TEST_REDIS_URL)
  beforeAll(() => redis.flushdb())
  afterAll(() => {
    redis.disconnect()
    if (previous === undefined) delete process.env.REDIS_URL
    else process.env.REDIS_URL = previous
  })
  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      it("uses Medusa's Redis event bus, workflow engine, locking and caching when REDIS_URL is set", async () => {
        const container = getContainer()
        expect(container.resolve(Modules.EVENT_BUS).constructor.name).toBe("RedisEventBusService")
        // Workflows and events are queued in this Redis database, not in process.
        expect(await redis.keys("bull:medusa-workflows*")).not.toHaveLength(0)
        expect(await redis.keys("RedisEventBusService:events-queue*")).not.toHaveLength(0)

        const locking = container.resolve(Modules.LOCKING)
        const order: string[] = []
        await Promise.all(
          [1, 2].map((n) =>
            locking.execute("fission:test-lock", async () => {
              order.push(`start-${n}`)
              await new Promise((r) => setTimeout(r, 200))
              order.push(`end-${n}`)
            })
          )
        )
        // The Redis lock serialises the two critical sections.
        expect(order[1]).toMatch(/^end-/)
      })

      it("places an order with events flowing through Redis", async () => {
        const store = await setupStore(getContainer(), api)
        const { headers } = await loginShopper(getContainer(), api, store.fixture.publishable_key, "redis@fission.test")
        const pkg = store.fixture.products["package-899"]
        const order = await placeOrder(api, headers, store.fixture, [{ variant_id: pkg.variant_id, quantity: 2 }])
        expect(order.items[0].quantity).toBe(2)
        expect(order.item_total).toBe(1798)
      })
    },
  })
}

import { spawnSync } from "node:child_process"

export const TEST_REDIS_URL = process.env.FISSION_TEST_REDIS_URL || "redis://127.0.0.1:6379/5"

/** Synchronous reachability probe, so a suite can decide at load time whether to run. */
export function redisReachable(url = TEST_REDIS_URL): boolean {
  const { hostname, port } = new URL(url)
  const probe = `require("net").connect(${Number(port || 6379)}, ${JSON.stringify(hostname)})
    .on("connect", () => process.exit(0)).on("error", () => process.exit(1)); setTimeout(() => process.exit(1), 1500)`
  return spawnSync(process.execPath, ["-e", probe]).status === 0
}

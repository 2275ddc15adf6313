// The plugins' scheduled jobs, ticking in test time. Medusa 2.21 with the Redis workflow
// engine registers every job (`export const config = { name, schedule }`) as a BullMQ repeatable
// job of the queue `medusa-workflows-jobs`, key `schedule_job-<name>`; only worker-mode processes
// run that queue's worker, and each tick is one BullMQ job that exactly one worker takes (the
// job's `scheduledFor` is the tick's timestamp). The jobs' own schedules are hourly or daily, so
// a check adds a second repeat chain under the same key, every `everyMs` — the workers run the
// real job code from the real queue, only more often — and `restore` removes it again.
import { Queue } from "bullmq"
import Redis from "ioredis"

const QUEUE = "medusa-workflows-jobs"

export function jobSchedules(redisUrl) {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  connection.on("error", () => {})
  const queue = new Queue(QUEUE, { connection })
  const keyOf = (name) => `schedule_job-${name}`
  /** { key: { pattern?, every? } } of the repeat entries as the workers registered them. */
  const registered = async () => Object.fromEntries((await queue.getRepeatableJobs(0, -1)).map((r) => [r.key, r]))

  return {
    registered,
    /** Processes taking ticks: BullMQ workers connected to the queue (one per worker-mode process). */
    consumers: async () => (await queue.getWorkers()).length,
    /** The job `name` ticks every `everyMs` as well (its own schedule stays). */
    async fast(name, everyMs) {
      const jobId = `job-${name}`
      await queue.add("schedule", { jobId, schedulerOptions: { interval: everyMs } }, {
        repeat: { key: keyOf(name), every: everyMs },
        removeOnComplete: { age: 86400, count: 1000 },
        removeOnFail: { age: 604800, count: 5000 },
      })
    },
    /** Ticks of `name` since `since` (ms), from BullMQ's jobs: how many completed, and why each failed one failed. */
    async ticks(name, since) {
      const jobs = await queue.getJobs(["completed", "failed"], 0, -1)
      const mine = jobs.filter((j) => j?.data?.jobId === `job-${name}` && j.timestamp >= since)
      return {
        completed: mine.filter((j) => j.finishedOn && !j.failedReason).length,
        failed: mine.filter((j) => j.failedReason).map((j) => j.failedReason),
      }
    },
    /** Back to the job's own `cron`: the fast chain's entry and its waiting tick removed, the cron chain re-added. */
    async restore(name, cron) {
      const jobId = `job-${name}`
      await queue.removeRepeatableByKey(keyOf(name))
      for (const j of await queue.getJobs(["delayed", "wait"], 0, -1)) if (j?.data?.jobId === jobId) await j.remove().catch(() => {})
      await queue.add("schedule", { jobId, schedulerOptions: { cron } }, {
        repeat: { key: keyOf(name), pattern: cron },
        removeOnComplete: { age: 86400, count: 1000 },
        removeOnFail: { age: 604800, count: 5000 },
      })
    },
    close: async () => {
      await queue.close()
      connection.disconnect()
    },
  }
}

import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Collector = Promise<unknown>[]
const active = new Set<Collector>()
let restore: (() => void) | null = null

/** While any delivery is in flight, every listener call of the local bus is collected by each of them. */
function watch(emitter: any, collector: Collector) {
  active.add(collector)
  if (restore) return
  const emit = emitter.emit
  emitter.emit = function (event: string, ...args: unknown[]) {
    const calls = this.listeners(event).map((listener: Function) => Promise.resolve(listener.apply(this, args)))
    for (const c of active) c.push(...calls)
    return calls.length > 0
  }
  restore = () => {
    emitter.emit = emit
    restore = null
  }
}

function unwatch(collector: Collector) {
  active.delete(collector)
  if (!active.size) restore?.()
}

/**
 * Delivers an event (again) through the app's event bus and waits until every
 * handler it reached has finished — including the Fission events that core's
 * lifecycle subscriber publishes in turn, and theirs. Tests use it to prove that a
 * redelivered Medusa event changes nothing, without sleeping: when it returns,
 * there is nothing left in flight to change the state afterwards. Deliveries may
 * overlap (e.g. the same event twice at once).
 *
 * Works with the local event bus the HTTP suites run on: its handlers are plain
 * listeners of an EventEmitter, called without awaiting; here each call's promise
 * is collected until none is left.
 */
export async function deliverEvent(container: MedusaContainer, name: string, data: Record<string, unknown>) {
  const bus: any = container.resolve(Modules.EVENT_BUS)
  if (!bus.eventEmitter_) throw new Error("deliverEvent needs the local event bus")
  const inFlight: Collector = []
  watch(bus.eventEmitter_, inFlight)
  try {
    await bus.emit({ name, data })
    // handlers publish further events from a microtask after their workflow ends: drain until quiet
    for (let quiet = 0; quiet < 3; ) {
      if (inFlight.length) {
        quiet = 0
        await inFlight.shift()
      } else {
        quiet++
        await new Promise((r) => setImmediate(r))
      }
    }
  } finally {
    unwatch(inFlight)
  }
}

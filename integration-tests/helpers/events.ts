import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

/**
 * Delivers an event (again) through the app's event bus and waits until every
 * handler it reached has finished — including the Fission events that core's
 * lifecycle subscriber publishes in turn, and theirs. Tests use it to prove that a
 * redelivered Medusa event changes nothing, without sleeping: when it returns,
 * there is nothing left in flight to change the state afterwards.
 *
 * Works with the local event bus the HTTP suites run on: its handlers are plain
 * listeners of an EventEmitter, called without awaiting; here each call's promise
 * is collected until none is left.
 */
export async function deliverEvent(container: MedusaContainer, name: string, data: Record<string, unknown>) {
  const bus: any = container.resolve(Modules.EVENT_BUS)
  const emitter = bus.eventEmitter_
  if (!emitter) throw new Error("deliverEvent needs the local event bus")
  const inFlight: Promise<unknown>[] = []
  const emit = emitter.emit
  emitter.emit = function (event: string, ...args: unknown[]) {
    for (const listener of this.listeners(event)) inFlight.push(Promise.resolve(listener.apply(this, args)))
    return this.listenerCount(event) > 0
  }
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
    emitter.emit = emit
  }
}

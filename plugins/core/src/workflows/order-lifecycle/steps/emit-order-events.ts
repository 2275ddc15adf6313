import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { FissionOrderEventData, FissionOrderEventName } from "../../../utils/order-lifecycle"

/**
 * Emits the Fission order events in order. Like Medusa's emitEventStep they are
 * grouped with the workflow and released only when it succeeds; the
 * compensation drops them.
 */
export const emitOrderEventsStep = createStep(
  "fission-emit-order-events",
  async (events: { name: FissionOrderEventName; data: FissionOrderEventData }[], { container, eventGroupId }) => {
    if (!events.length) return new StepResponse(null)
    const metadata = eventGroupId ? { eventGroupId } : {}
    await container.resolve(Modules.EVENT_BUS).emit(events.map((e) => ({ name: e.name, data: e.data, metadata })))
    return new StepResponse(null, eventGroupId ? { eventGroupId, names: events.map((e) => e.name) } : null)
  },
  async (grouped, { container }) => {
    if (!grouped) return
    await container.resolve(Modules.EVENT_BUS).clearGroupedEvents(grouped.eventGroupId, { eventNames: grouped.names })
  }
)

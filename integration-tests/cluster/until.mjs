// Waiting for a state, never for a fixed time (the machine is loaded): `until` polls a probe
// until it returns something truthy, `pages` reads every page of an admin list, and `pool` runs work
// a bounded number at a time.
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** Polls `probe` every `everyMs` until it returns something truthy; throws after `timeoutMs` naming `what`. */
export async function until(probe, { timeoutMs, what, everyMs = 250 }) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    try {
      last = await probe()
      if (last) return last
    } catch (e) {
      last = e
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)?.slice(0, 300)})`)
    await sleep(everyMs)
  }
}

/** Every row of a paged admin list: `get(offset)` → { rows, count }. */
export async function pages(get) {
  const all = []
  for (let offset = 0; ; offset += 100) {
    const { rows, count } = await get(offset)
    all.push(...rows)
    if (all.length >= count || !rows.length) return all
  }
}

/** Runs `fn` over `items`, `concurrency` at a time (all in flight at once up to that bound). */
export async function pool(items, concurrency, fn) {
  const out = new Array(items.length)
  let next = 0
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i], i)
    }
  }))
  return out
}

/** Polls `read` until `done(value)` holds: subscribers run after the request that emitted their event. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, { timeout = 15_000, every = 200 } = {}) {
  const until = Date.now() + timeout
  let value = await read()
  while (!done(value)) {
    if (Date.now() > until) throw new Error(`condition not met within ${timeout} ms; last value: ${JSON.stringify(value)}`)
    await new Promise((r) => setTimeout(r, every))
    value = await read()
  }
  return value
}

// HTTP against the cluster's servers, alternating per request: request n goes to
// server n mod 2, so parallel requests of a check land on both processes.
export function clusterClient(servers, publishableKey) {
  let n = 0
  const next = () => servers[n++ % servers.length].base
  /** One request to the next server; returns { status, data, server } and never throws. */
  const request = async (method, path, headers = {}, body) => {
    const base = next()
    const res = await fetch(base + path, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    let data = text
    try {
      data = text ? JSON.parse(text) : {}
    } catch {}
    return { status: res.status, data, server: base }
  }
  /** As `request`, but a non-2xx answer throws (setup steps that must succeed). */
  const ok = async (method, path, headers, body) => {
    const r = await request(method, path, headers, body)
    if (r.status >= 300) throw new Error(`${method} ${path} on ${r.server} → ${r.status}: ${JSON.stringify(r.data).slice(0, 300)}`)
    return r.data
  }
  const shopper = (token) => ({ authorization: `Bearer ${token}`, "x-publishable-api-key": publishableKey })
  return { request, ok, shopper, next }
}

/**
 * Makes the test client's failed requests reject with a plain Error that keeps
 * `response.status` and `response.data`. Axios errors hold circular request/response
 * objects: one escaping a test crashes the jest worker that tries to report it,
 * hiding which request failed and why.
 */
export function plainRequestErrors(api: any) {
  if (api.__plainErrors) return
  api.__plainErrors = true
  api.interceptors.response.use(undefined, (e: any) => {
    if (!e?.response) return Promise.reject(e)
    const { status, data } = e.response
    const error: any = new Error(`${e.config?.method?.toUpperCase()} ${e.config?.url} → ${status} ${JSON.stringify(data)}`)
    error.response = { status, data }
    return Promise.reject(error)
  })
}

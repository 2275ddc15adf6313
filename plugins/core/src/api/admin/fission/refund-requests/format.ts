const num = (v: unknown) => (v === null || v === undefined ? null : Number((v as any)?.value ?? v))
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null)

/** A refund request as the admin API returns it: amounts as decimal numbers in the major unit (SPEC §0.7). */
export function formatRefundRequest(r: any) {
  return {
    id: r.id,
    cause_key: r.cause_key,
    order_id: r.order_id,
    customer_id: r.customer_id ?? null,
    mode: r.mode,
    destination: r.destination,
    amount: num(r.raw_amount ?? r.amount),
    currency_code: r.currency_code,
    refunded_amount: num(r.raw_refunded_amount ?? r.refunded_amount) ?? 0,
    status: r.status,
    attempts: Number(r.attempts),
    max_attempts: Number(r.max_attempts),
    last_error: r.last_error ?? null,
    next_attempt_at: iso(r.next_attempt_at),
    locked_until: iso(r.locked_until),
    succeeded_at: iso(r.succeeded_at),
    source_type: r.source_type,
    source_id: r.source_id,
    reason: r.reason ?? null,
    note: r.note ?? null,
    refunds: (r.refunds ?? []).map((x: any) => ({ ...x, amount: num(x.amount) })),
    metadata: r.metadata ?? null,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
  }
}

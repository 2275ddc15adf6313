/** A withdrawal row (service or raw SQL) as the API returns it: amounts as numbers in major units. */
export function formatWithdrawal(w: Record<string, any>) {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v))
  return {
    id: w.id as string,
    customer_id: w.customer_id as string,
    amount: num(w.amount),
    fee: num(w.fee),
    net_amount: num(w.net_amount),
    currency_code: w.currency_code as string,
    method: w.method as string,
    account: (w.account ?? null) as string | null,
    status: w.status as string,
    reference: (w.reference ?? null) as string | null,
    review_reason: (w.review_reason ?? null) as string | null,
    reviewed_by: (w.reviewed_by ?? null) as string | null,
    reviewed_at: w.reviewed_at ?? null,
    paid_at: w.paid_at ?? null,
    created_at: w.created_at,
    updated_at: w.updated_at,
  }
}


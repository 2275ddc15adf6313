import { useQuery } from "@tanstack/react-query"
import { CustomerCard, distKeys } from "./distribution"
import { sdk } from "@fission/core/admin-kit"

/** Names and e-mails of the given customers (Medusa's admin customers API), as a map by id. */
export function useCustomerCards(ids: string[]) {
  const unique = [...new Set(ids)].sort()
  const { data } = useQuery({
    queryKey: distKeys.scope("customer-cards", unique),
    enabled: unique.length > 0,
    queryFn: () =>
      sdk.client.fetch<{ customers: CustomerCard[] }>("/admin/customers", {
        query: { id: unique, fields: "id,email,first_name,last_name", limit: unique.length },
      }),
  })
  return new Map((data?.customers ?? []).map((c) => [c.id, c]))
}

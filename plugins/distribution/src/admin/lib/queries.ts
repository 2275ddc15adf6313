import { useQuery } from "@tanstack/react-query"
import { distKeys, RankList } from "./distribution"
import { sdk } from "@fission/core/admin-kit"

/** Every rank, by position (a store has a handful). */
export function useRanks() {
  return useQuery({
    queryKey: distKeys.scope("ranks"),
    queryFn: () => sdk.client.fetch<RankList>("/admin/fission/ranks", { query: { limit: 200 } }),
  })
}

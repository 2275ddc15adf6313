import { useAllPages } from "@fission/core/admin-kit"
import { distKeys, Rank } from "./distribution"

/** Every rank, by position (a store has a handful), page by page. */
export function useRanks() {
  return useAllPages<Rank>(distKeys.scope("ranks"), "/admin/fission/ranks", "ranks")
}

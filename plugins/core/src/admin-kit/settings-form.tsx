import { toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import { errorMessage, fieldErrors } from "./errors.js"
import { sdk } from "./sdk.js"

/**
 * A settings form's state over one admin route answering `{ [key]: settings }` to GET and POST:
 * the settings, an editable draft (reset from every answer), and `save(body)`, which stores the
 * answer in the cache and toasts `saved`, or puts the 400's message under the field it names
 * (one of `fields`, see `fieldErrors`) and toasts it.
 */
export function useSettingsForm<TSettings, TDraft>({
  path,
  key,
  queryKey,
  toDraft,
  fields,
  saved,
}: {
  path: string
  key: string
  queryKey: readonly unknown[]
  toDraft: (settings: TSettings) => TDraft
  fields: readonly string[]
  /** The success toast. */
  saved: string
}) {
  const queryClient = useQueryClient()
  const [errors, setErrors] = useState<Record<string, string>>({})
  const query = useQuery({ queryKey, queryFn: () => sdk.client.fetch<Record<string, TSettings>>(path) })
  const settings = query.data?.[key]
  const [draft, setDraft] = useState<TDraft | null>(null)
  useEffect(() => {
    if (settings) setDraft(toDraft(settings))
  }, [settings])
  const mutation = useMutation({
    mutationFn: (body: Record<string, unknown>) => sdk.client.fetch<Record<string, TSettings>>(path, { method: "POST", body }),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKey, result)
      setErrors({})
      toast.success(saved)
    },
    onError: (e) => {
      setErrors(fieldErrors(e, fields))
      toast.error(errorMessage(e))
    },
  })
  return { settings, query, draft, setDraft, errors, setErrors, save: mutation.mutate, saving: mutation.isPending }
}

import { Button, Drawer, Input, Text, Textarea } from "@medusajs/ui"
import { FormEvent, ReactNode, useState } from "react"
import { errorMessage } from "../lib/distribution"
import { Field } from "./section"

export type TextPrompt = {
  title: string
  description?: ReactNode
  label: string
  placeholder?: string
  /** The server also enforces it; this only disables the button while empty. */
  required?: boolean
  multiline?: boolean
  submitLabel: string
  destructive?: boolean
  onSubmit: (value: string) => Promise<unknown>
}

/**
 * A drawer asking for one text (a rejection reason, a payment reference…) before an
 * action; the server's 4xx message is shown in place. Pass `prompt = null` to close.
 */
export function TextPromptDrawer({ prompt, onClose }: { prompt: TextPrompt | null; onClose: () => void }) {
  return (
    <Drawer open={prompt !== null} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        {prompt && <PromptForm key={prompt.title} prompt={prompt} onClose={onClose} />}
      </Drawer.Content>
    </Drawer>
  )
}

function PromptForm({ prompt, onClose }: { prompt: TextPrompt; onClose: () => void }) {
  const [value, setValue] = useState("")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (busy) return
    setBusy(true)
    setError(null)
    try {
      await prompt.onSubmit(value.trim())
      onClose()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }
  const Control = prompt.multiline ? Textarea : Input
  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Header>
        <Drawer.Title>{prompt.title}</Drawer.Title>
        {prompt.description && <Drawer.Description className="txt-small text-ui-fg-subtle">{prompt.description}</Drawer.Description>}
      </Drawer.Header>
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        <Field label={prompt.label} htmlFor="fission-prompt-value">
          <Control
            id="fission-prompt-value"
            autoFocus
            placeholder={prompt.placeholder}
            value={value}
            onChange={(e: { target: { value: string } }) => setValue(e.target.value)}
          />
        </Field>
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button
          size="small"
          type="submit"
          variant={prompt.destructive ? "danger" : "primary"}
          isLoading={busy}
          disabled={prompt.required && !value.trim()}
        >
          {prompt.submitLabel}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

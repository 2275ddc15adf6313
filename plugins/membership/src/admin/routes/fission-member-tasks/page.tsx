import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Badge, Button, Container, Drawer, Heading, Input, Label, Select, Switch, Table, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { FormEvent, useState } from "react"
import { errorMessage } from "../../lib/membership"
import { MemberTask, memberTaskKeys, TASK_KIND_LABELS, TaskCompletion } from "../../lib/member-tasks"
import { sdk } from "@fission/core/admin-kit"

type Draft = Record<string, string> & { completion_mode: string; repeat_rule: string; kind: string }

const EMPTY: Draft = {
  title: "",
  description: "",
  kind: "share",
  days: "7",
  fields: "first_name, last_name, phone",
  reward_points: "0",
  reward_growth: "0",
  reward_promotion_id: "",
  repeat_rule: "once",
  cap: "",
  completion_mode: "auto",
  starts_at: "",
  ends_at: "",
  position: "0",
}

const WITH_DAYS = ["first_purchase_within_days", "repurchase_within_days"]

/** Numbers typed as numbers; anything else is sent as typed so the server's 400 names the field. */
const asValue = (text: string) => (text.trim() !== "" && !Number.isNaN(Number(text)) ? Number(text) : text)
const asInstant = (text: string) => (text.trim() ? new Date(text).toISOString() : null)
const toLocalInput = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 16) : "")

const draftOf = (task: MemberTask): Draft => ({
  title: task.title,
  description: task.description ?? "",
  kind: task.kind,
  days: String(task.params?.days ?? 7),
  fields: (task.params?.fields ?? ["first_name", "last_name", "phone"]).join(", "),
  reward_points: String(task.reward_points),
  reward_growth: String(task.reward_growth),
  reward_promotion_id: task.reward_promotion_id ?? "",
  repeat_rule: task.repeat_rule,
  cap: task.cap == null ? "" : String(task.cap),
  completion_mode: task.completion_mode,
  starts_at: toLocalInput(task.starts_at),
  ends_at: toLocalInput(task.ends_at),
  position: String(task.position),
})

const bodyOf = (draft: Draft, creating: boolean) => {
  const params = WITH_DAYS.includes(draft.kind)
    ? { days: asValue(draft.days) }
    : draft.kind === "complete_profile"
      ? { fields: draft.fields.split(",").map((f) => f.trim()).filter(Boolean) }
      : null
  return {
    title: draft.title,
    description: draft.description.trim() || null,
    ...(creating ? { kind: draft.kind } : {}),
    params,
    reward_points: asValue(draft.reward_points),
    reward_growth: asValue(draft.reward_growth),
    reward_promotion_id: draft.reward_promotion_id.trim() || null,
    repeat_rule: draft.repeat_rule,
    cap: draft.cap.trim() ? asValue(draft.cap) : null,
    completion_mode: draft.completion_mode,
    starts_at: asInstant(draft.starts_at),
    ends_at: asInstant(draft.ends_at),
    position: asValue(draft.position),
  }
}

const describeRepeat = (t: MemberTask) =>
  t.repeat_rule === "once" ? "once" : `${t.repeat_rule}${t.cap != null ? `, at most ${t.cap}` : ""}`

const describeReward = (t: MemberTask) =>
  [t.reward_points ? `${t.reward_points} points` : "", t.reward_growth ? `${t.reward_growth} growth` : "", t.reward_promotion_id ? "coupon" : ""]
    .filter(Boolean)
    .join(" + ")

const describeWindow = (t: MemberTask) => {
  const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : "")
  if (!t.starts_at && !t.ends_at) return "always"
  return `${day(t.starts_at) || "…"} – ${day(t.ends_at) || "…"}`
}

const TaskForm = ({ task, onDone }: { task: MemberTask | null; onDone: () => void }) => {
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(task ? draftOf(task) : EMPTY)
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      sdk.client.fetch(task ? `/admin/fission/membership/tasks/${task.id}` : "/admin/fission/membership/tasks", { method: "POST", body }),
    onSuccess: () => {
      toast.success(task ? "Task saved" : "Task created")
      queryClient.invalidateQueries({ queryKey: memberTaskKeys.list })
      onDone()
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    save.mutate(bodyOf(draft, !task))
  }
  const field = (key: string, label: string, type = "text") => (
    <div className="flex flex-col gap-y-1">
      <Label htmlFor={`fission-task-${key}`} size="small">
        {label}
      </Label>
      <Input id={`fission-task-${key}`} size="small" type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </div>
  )
  const choice = (key: "kind" | "repeat_rule" | "completion_mode", label: string, options: [string, string][], disabled = false) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{label}</Label>
      <Select value={draft[key]} onValueChange={(v) => setDraft({ ...draft, [key]: v })} disabled={disabled}>
        <Select.Trigger>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map(([value, text]) => (
            <Select.Item key={value} value={value}>
              {text}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
  return (
    <form onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
        {field("title", "Title")}
        <div className="flex flex-col gap-y-1">
          <Label htmlFor="fission-task-description" size="small">
            Description
          </Label>
          <Textarea id="fission-task-description" value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </div>
        {choice("kind", "What completes it", Object.entries(TASK_KIND_LABELS), !!task)}
        {WITH_DAYS.includes(draft.kind) && field("days", "N days", "number")}
        {draft.kind === "complete_profile" &&
          field("fields", "Required fields (first_name, last_name, phone, email, company_name, address)")}
        <div className="grid grid-cols-2 gap-4">
          {field("reward_points", "Reward points", "number")}
          {field("reward_growth", "Reward growth", "number")}
        </div>
        {field("reward_promotion_id", "Coupon template promotion id (optional)")}
        <div className="grid grid-cols-2 gap-4">
          {choice("repeat_rule", "Repeat", [
            ["once", "Once"],
            ["daily", "Once a day"],
            ["unlimited", "Every time"],
          ])}
          {draft.repeat_rule !== "once" && field("cap", "Cap over all time (empty = none)", "number")}
        </div>
        {choice("completion_mode", "Reward", [
          ["auto", "Paid automatically"],
          ["claim", "Shopper claims it"],
        ])}
        <div className="grid grid-cols-2 gap-4">
          {field("starts_at", "Starts at (optional)", "datetime-local")}
          {field("ends_at", "Ends at (optional)", "datetime-local")}
        </div>
        {field("position", "Position in the list", "number")}
      </Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={save.isPending}>
          Save
        </Button>
      </Drawer.Footer>
    </form>
  )
}

const CompletionsSection = ({ tasks }: { tasks: MemberTask[] }) => {
  const { data, isLoading, isError, error } = useQuery({
    queryKey: memberTaskKeys.completions,
    queryFn: () =>
      sdk.client.fetch<{ completions: TaskCompletion[]; count: number }>("/admin/fission/membership/task-completions?limit=20"),
  })
  const titles = new Map(tasks.map((t) => [t.id, t.title]))
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Recent completions</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {data ? `${data.count} in total. ` : ""}Claimable ones wait for the shopper's claim; completed ones have paid their reward.
        </Text>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {data && data.completions.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Task</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Cause</Table.HeaderCell>
              <Table.HeaderCell>Day</Table.HeaderCell>
              <Table.HeaderCell>Reward</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.completions.map((c) => (
              <Table.Row key={c.id}>
                <Table.Cell>{titles.get(c.task_id) ?? c.task_id}</Table.Cell>
                <Table.Cell>{c.customer_id}</Table.Cell>
                <Table.Cell>
                  {c.cause_type} {c.cause_id}
                </Table.Cell>
                <Table.Cell>{c.local_date}</Table.Cell>
                <Table.Cell>
                  {[c.points ? `${c.points} points` : "", c.growth ? `${c.growth} growth` : "", c.coupon_code ?? ""].filter(Boolean).join(" + ")}
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={c.status === "completed" ? "green" : "orange"}>
                    {c.status}
                  </Badge>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

const TasksSection = () => {
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<MemberTask | null>(null)
  const [open, setOpen] = useState(false)
  const { data, isLoading, isError, error } = useQuery({
    queryKey: memberTaskKeys.list,
    queryFn: () => sdk.client.fetch<{ tasks: MemberTask[]; count: number }>("/admin/fission/membership/tasks?limit=100"),
  })
  const toggle = useMutation({
    mutationFn: (task: MemberTask) =>
      sdk.client.fetch(`/admin/fission/membership/tasks/${task.id}`, { method: "POST", body: { is_active: !task.is_active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberTaskKeys.list }),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const edit = (task: MemberTask | null) => {
    setEditing(task)
    setOpen(true)
  }
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Member tasks</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Tasks pay points, growth or a coupon once their cause happens: a paid order, an invited friend, a share, a
            complete profile, a review. Each cause counts once; caps are enforced per customer.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => edit(null)}>
          Create task
        </Button>
      </div>
      {isLoading && <Text className="px-6 py-4">Loading…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">{errorMessage(error)}</Text>}
      {data && !data.tasks.length && <Text className="px-6 py-4 text-ui-fg-subtle">No tasks yet.</Text>}
      {data && data.tasks.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Task</Table.HeaderCell>
              <Table.HeaderCell>Reward</Table.HeaderCell>
              <Table.HeaderCell>Repeat</Table.HeaderCell>
              <Table.HeaderCell>Window</Table.HeaderCell>
              <Table.HeaderCell>Mode</Table.HeaderCell>
              <Table.HeaderCell>Active</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.tasks.map((t) => (
              <Table.Row key={t.id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <Text size="small" weight="plus">
                      {t.title}
                    </Text>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {TASK_KIND_LABELS[t.kind] ?? t.kind}
                      {t.params?.days ? ` (N = ${t.params.days})` : ""}
                    </Text>
                  </div>
                </Table.Cell>
                <Table.Cell>{describeReward(t)}</Table.Cell>
                <Table.Cell>{describeRepeat(t)}</Table.Cell>
                <Table.Cell>{describeWindow(t)}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{t.completion_mode === "claim" ? "claim" : "auto"}</Badge>
                </Table.Cell>
                <Table.Cell>
                  <Switch checked={t.is_active} onCheckedChange={() => toggle.mutate(t)} aria-label={t.is_active ? "Deactivate" : "Activate"} />
                </Table.Cell>
                <Table.Cell>
                  <Button size="small" variant="transparent" onClick={() => edit(t)}>
                    Edit
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <Drawer open={open} onOpenChange={setOpen}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>{editing ? `Edit ${editing.title}` : "Create task"}</Drawer.Title>
          </Drawer.Header>
          {open && <TaskForm key={editing?.id ?? "new"} task={editing} onDone={() => setOpen(false)} />}
        </Drawer.Content>
      </Drawer>
    </Container>
  )
}

const MemberTasksPage = () => {
  const { data } = useQuery({
    queryKey: memberTaskKeys.list,
    queryFn: () => sdk.client.fetch<{ tasks: MemberTask[]; count: number }>("/admin/fission/membership/tasks?limit=100"),
  })
  return (
    <div className="flex flex-col gap-y-3">
      <TasksSection />
      <CompletionsSection tasks={data?.tasks ?? []} />
    </div>
  )
}

export const config = defineRouteConfig({ label: "nav.memberTasks", translationNs: "fission-membership", icon: CheckCircle })

export default MemberTasksPage

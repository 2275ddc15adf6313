import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CheckCircle } from "@medusajs/icons"
import { Badge, Button, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { MemberTask, memberTaskKeys, TASK_KINDS, TaskCompletion } from "../../lib/member-tasks"
import {
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataList,
  errorMessage,
  Field,
  fieldId,
  FormDrawer,
  sdk,
  Stack,
  StoreFormat,
  useAllPages,
  useServerList,
  useStoreFormat,
} from "@fission/core/admin-kit"

const NS = "fission-membership"
type T = (key: string, opts?: Record<string, unknown>) => string

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

const describeRepeat = (task: MemberTask, t: T) =>
  task.repeat_rule === "once"
    ? t("tasks.repeat.once")
    : `${t(`tasks.repeat.${task.repeat_rule}`)}${task.cap != null ? t("tasks.atMost", { cap: task.cap }) : ""}`

const describeReward = (r: { points: number; growth: number; coupon?: string | null | boolean }, t: T) =>
  [r.points ? t("tasks.points", { count: r.points }) : "", r.growth ? t("tasks.growth", { count: r.growth }) : "", r.coupon ? (typeof r.coupon === "string" ? r.coupon : t("tasks.coupon")) : ""]
    .filter(Boolean)
    .join(" + ")

const describeWindow = (task: MemberTask, f: StoreFormat, t: T) => {
  if (!task.starts_at && !task.ends_at) return t("tasks.always")
  return `${task.starts_at ? f.date(task.starts_at) : "…"} – ${task.ends_at ? f.date(task.ends_at) : "…"}`
}

const FIELDS = Object.keys(EMPTY)

/** Create or edit a task; the 400 message is shown under the field it names. */
const TaskDrawer = ({ task, onClose }: { task: MemberTask | null; onClose: () => void }) => {
  const { t } = useTranslation(NS)
  const queryClient = useQueryClient()
  const [draft, setDraft] = useState<Draft>(task ? draftOf(task) : EMPTY)
  const save = async () => {
    await sdk.client.fetch(task ? `/admin/fission/membership/tasks/${task.id}` : "/admin/fission/membership/tasks", { method: "POST", body: bodyOf(draft, !task) })
    toast.success(task ? t("tasks.saved") : t("tasks.created"))
    queryClient.invalidateQueries({ queryKey: memberTaskKeys.list })
  }
  const field = (key: string, type = "text") => (
    <Field name={key} label={t(`tasks.form.${key}`)}>
      <Input id={fieldId(key)} size="small" type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </Field>
  )
  const choice = (key: "kind" | "repeat_rule" | "completion_mode", options: readonly string[], disabled = false) => (
    <Field name={key} label={t(`tasks.form.${key}`)}>
      <Select value={draft[key]} onValueChange={(v) => setDraft({ ...draft, [key]: v })} disabled={disabled}>
        <Select.Trigger id={fieldId(key)}>
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          {options.map((value) => (
            <Select.Item key={value} value={value}>
              {t(`tasks.options.${key}.${value}`)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </Field>
  )
  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={task ? t("tasks.editTitle", { title: task.title }) : t("tasks.create")}
      fields={[...FIELDS, "params"]}
      onSubmit={save}
    >
      {field("title")}
      <Field name="description" label={t("tasks.form.description")}>
        <Textarea id={fieldId("description")} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
      </Field>
      {choice("kind", TASK_KINDS, !!task)}
      {WITH_DAYS.includes(draft.kind) && field("days", "number")}
      {draft.kind === "complete_profile" && field("fields")}
      <div className="grid grid-cols-2 gap-4">
        {field("reward_points", "number")}
        {field("reward_growth", "number")}
      </div>
      {field("reward_promotion_id")}
      <div className="grid grid-cols-2 gap-4">
        {choice("repeat_rule", ["once", "daily", "unlimited"])}
        {draft.repeat_rule !== "once" && field("cap", "number")}
      </div>
      {choice("completion_mode", ["auto", "claim"])}
      <div className="grid grid-cols-2 gap-4">
        {field("starts_at", "datetime-local")}
        {field("ends_at", "datetime-local")}
      </div>
      {field("position", "number")}
    </FormDrawer>
  )
}

const cCol = createDataTableColumnHelper<TaskCompletion>()
const cFilter = createDataTableFilterHelper<TaskCompletion>()

const CompletionsSection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  // task titles for the completions (every task, page by page)
  const { data: tasks } = useAllPages<MemberTask>(memberTaskKeys.list, "/admin/fission/membership/tasks", "tasks")
  const titles = new Map((tasks ?? []).map((task) => [task.id, task.title]))
  const filters = useMemo(
    () => [
      cFilter.accessor("status", {
        type: "radio",
        label: t("tasks.status"),
        options: ["claimable", "completed"].map((s) => ({ value: s, label: t(`tasks.completionStatus.${s}`) })),
      }),
    ],
    [t]
  )
  const list = useServerList<TaskCompletion, { completions: TaskCompletion[]; count: number }>({
    path: "/admin/fission/membership/task-completions",
    rowsKey: "completions",
    queryKey: memberTaskKeys.completions,
    filters,
  })
  const columns = [
    cCol.accessor("task_id", { header: t("tasks.task"), cell: ({ getValue }) => titles.get(getValue()) ?? getValue() }),
    cCol.accessor("customer_id", { header: t("tasks.customer") }),
    cCol.accessor("cause_id", { header: t("tasks.cause"), cell: ({ row: { original: c } }) => `${c.cause_type} ${c.cause_id}` }),
    cCol.accessor("local_date", { header: t("tasks.day") }),
    cCol.display({ id: "reward", header: t("tasks.reward"), cell: ({ row: { original: c } }) => describeReward({ points: c.points, growth: c.growth, coupon: c.coupon_code }, t) }),
    cCol.accessor("status", {
      header: t("tasks.status"),
      cell: ({ getValue }) => (
        <Badge size="2xsmall" color={getValue() === "completed" ? "green" : "orange"}>
          {t(`tasks.completionStatus.${getValue()}`)}
        </Badge>
      ),
    }),
    cCol.accessor("created_at", { header: t("tasks.at"), cell: ({ getValue }) => f.dateTime(getValue()) }),
  ]
  return (
    <DataList
      list={list}
      columns={columns}
      title={t("tasks.completionsTitle")}
      subtitle={t("tasks.completionsSubtitle")}
      empty={{ heading: t("tasks.noCompletions") }}
    />
  )
}

const tCol = createDataTableColumnHelper<MemberTask>()

const TasksSection = () => {
  const { t } = useTranslation(NS)
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const [editing, setEditing] = useState<MemberTask | "new" | null>(null)
  const list = useServerList<MemberTask, { tasks: MemberTask[]; count: number }>({
    path: "/admin/fission/membership/tasks",
    rowsKey: "tasks",
    queryKey: memberTaskKeys.list,
  })
  const toggle = useMutation({
    mutationFn: (task: MemberTask) =>
      sdk.client.fetch(`/admin/fission/membership/tasks/${task.id}`, { method: "POST", body: { is_active: !task.is_active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberTaskKeys.list }),
    onError: (e) => toast.error(errorMessage(e)),
  })
  const columns = [
    tCol.accessor("title", {
      header: t("tasks.task"),
      cell: ({ row: { original: task } }) => (
        <div className="flex flex-col">
          <Text size="small" weight="plus">
            {task.title}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t(`tasks.options.kind.${task.kind}`, { defaultValue: task.kind })}
            {task.params?.days ? ` (N = ${task.params.days})` : ""}
          </Text>
        </div>
      ),
    }),
    tCol.display({
      id: "reward",
      header: t("tasks.reward"),
      cell: ({ row: { original: task } }) => describeReward({ points: task.reward_points, growth: task.reward_growth, coupon: !!task.reward_promotion_id }, t),
    }),
    tCol.accessor("repeat_rule", { header: t("tasks.repeatColumn"), cell: ({ row }) => describeRepeat(row.original, t) }),
    tCol.display({ id: "window", header: t("tasks.window"), cell: ({ row }) => describeWindow(row.original, f, t) }),
    tCol.accessor("completion_mode", { header: t("tasks.mode"), cell: ({ getValue }) => <Badge size="2xsmall">{t(`tasks.options.completion_mode.${getValue()}`)}</Badge> }),
    tCol.accessor("is_active", {
      header: t("tasks.active"),
      cell: ({ row: { original: task } }) => (
        <Switch checked={task.is_active} onCheckedChange={() => toggle.mutate(task)} aria-label={task.is_active ? t("tasks.deactivate") : t("tasks.activate")} />
      ),
    }),
    tCol.display({
      id: "edit",
      cell: ({ row }) => (
        <Button size="small" variant="transparent" onClick={() => setEditing(row.original)}>
          {t("common.edit")}
        </Button>
      ),
    }),
  ]
  return (
    <>
      <DataList
        list={list}
        columns={columns}
        title={t("tasks.title")}
        subtitle={t("tasks.subtitle")}
        empty={{ heading: t("tasks.empty") }}
        actions={
          <Button size="small" variant="secondary" onClick={() => setEditing("new")}>
            {t("tasks.create")}
          </Button>
        }
      />
      {editing && <TaskDrawer key={editing === "new" ? "new" : editing.id} task={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
    </>
  )
}

const MemberTasksPage = () => (
  <Stack>
    <TasksSection />
    <CompletionsSection />
  </Stack>
)

export const config = defineRouteConfig({ label: "nav.memberTasks", translationNs: "fission-membership", icon: CheckCircle })

export default MemberTasksPage

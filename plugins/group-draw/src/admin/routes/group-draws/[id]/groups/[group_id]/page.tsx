import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams } from "react-router-dom"
import { Group, RefundRequest, statusColor, useLoserRefunds } from "../../../../../lib/group-draw"
import { errorMessage, Fact, sdk, Stack, useStoreFormat } from "@fission/core/admin-kit"

type AdminDraw = { id: string; status: string; commitment: string; seed: string | null; verification: { valid: boolean; errors: string[] } | null }


/** The draw as core's admin API checks it (`GET /admin/fission/draws/:id` recomputes the outcome). */
function DrawCheck({ id, label }: { id: string; label: string }) {
  const { t } = useTranslation("fission-group-draw")
  const { data, isLoading } = useQuery({
    queryKey: ["fission-draws", id],
    queryFn: () => sdk.client.fetch<{ draw: AdminDraw }>(`/admin/fission/draws/${id}`),
  })
  const draw = data?.draw
  return (
    <Fact label={label}>
      <div className="flex flex-col gap-y-1">
        <div className="flex items-center gap-x-2">
          <span className="font-mono text-xs">{id}</span>
          {isLoading ? (
            <Text size="xsmall">{t("group.checking")}</Text>
          ) : draw?.status !== "drawn" ? (
            <Badge size="2xsmall" color="blue">
              {t("group.committed")}
            </Badge>
          ) : draw.verification?.valid ? (
            <Badge size="2xsmall" color="green">
              {t("group.valid")}
            </Badge>
          ) : (
            <Badge size="2xsmall" color="red">
              {t("group.invalid", { errors: draw.verification?.errors.join("; ") })}
            </Badge>
          )}
        </div>
        <span className="font-mono text-ui-fg-muted text-xs break-all">{t("group.commitment", { commitment: draw?.commitment ?? "…" })}</span>
        <Link to="/fission-draws" className="text-ui-fg-interactive text-xs">
          {t("group.openFairDraws")}
        </Link>
      </div>
    </Fact>
  )
}

/** A loser's refund request (core): status, attempts and the last error while it is not through. */
function RefundCell({ request }: { request?: RefundRequest }) {
  const { t } = useTranslation("fission-group-draw")
  if (!request) return <>—</>
  const failedAttempts = request.status === "succeeded" ? request.attempts - 1 : request.attempts
  return (
    <div className="flex flex-col">
      <Link to="/fission-refunds" className="w-fit">
        <Badge size="2xsmall" color={statusColor(request.status)}>
          {t(`refundStatus.${request.status}`)}
        </Badge>
      </Link>
      {failedAttempts > 0 && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {t("group.failedAttempts", { count: failedAttempts })}
          {request.last_error && request.status !== "succeeded" ? `: ${request.last_error}` : ""}
        </Text>
      )}
    </div>
  )
}

/**
 * One group: members with their orders, the draw result with core's verification, refund
 * status per loser and a retry that re-runs the settlement now (idempotent).
 */
const GroupDrawGroupPage = () => {
  const { id, group_id } = useParams() as { id: string; group_id: string }
  const { t } = useTranslation("fission-group-draw")
  const f = useStoreFormat()
  const queryClient = useQueryClient()
  const [busy, setBusy] = useState(false)
  const { data, isLoading } = useQuery({
    queryKey: ["fission-group-draw-group", group_id],
    queryFn: () => sdk.client.fetch<{ group: Group & { campaign: { title: string; currency_code: string } } }>(
      `/admin/fission/group-draws/${id}/groups/${group_id}`
    ),
    refetchInterval: 5000,
  })
  const refunds = useLoserRefunds({ group_ids: [group_id] }, 5000)
  if (isLoading) return <Text>{t("common.loading")}</Text>
  const group = data?.group
  if (!group) return <Text>{t("group.notFound")}</Text>
  const cur = group.campaign.currency_code

  const pending = [...refunds.values()].filter((r) => r.status !== "succeeded").length
  const canRetry = group.status === "full" || group.status === "refunding" || group.status === "drawn" || pending > 0
  const retry = async () => {
    setBusy(true)
    try {
      const { group: after, result } = await sdk.client.fetch<{ group: Group; result: { refund_failures?: number } }>(
        `/admin/fission/group-draws/${id}/groups/${group_id}/retry`,
        { method: "POST", body: {} }
      )
      const failed = result?.refund_failures ?? 0
      if (failed) toast.error(t("group.stillFailing", { count: failed }))
      else toast.success(t("group.nowStatus", { status: t(`groupStatus.${after.status}`) }))
      await queryClient.invalidateQueries({ queryKey: ["fission-group-draw-group", group_id] })
      await queryClient.invalidateQueries({ queryKey: ["fission-refund-requests"] })
    } catch (e) {
      toast.error(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack>
      <Container className="flex flex-col gap-y-4">
        <div className="flex items-start justify-between">
          <div>
            <Text size="small" className="text-ui-fg-subtle">
              <Link to="/group-draws" className="text-ui-fg-interactive">
                {t("campaigns.title")}
              </Link>{" "}
              /{" "}
              <Link to={`/group-draws/${id}`} className="text-ui-fg-interactive">
                {group.campaign.title}
              </Link>{" "}
              / {t("groups.group")}
            </Text>
            <div className="flex items-center gap-x-2">
              <Heading className="font-mono">{group.id}</Heading>
              <Badge size="2xsmall" color={statusColor(group.status)}>
                {t(`groupStatus.${group.status}`)}
              </Badge>
            </div>
          </div>
          {canRetry && (
            <Button size="small" variant="secondary" isLoading={busy} onClick={retry}>
              {group.status === "full" ? t("group.drawNow") : t("group.retry")}
            </Button>
          )}
        </div>
        <div className="grid grid-cols-4 gap-3">
          <Fact label={t("groups.seats")}>
            {group.seats_taken}/{group.size} ({t("group.winners", { count: group.winners })})
          </Fact>
          <Fact label={t("groups.deadline")}>{f.dateTime(group.expires_at)}</Fact>
          <Fact label={t("group.drawnCompleted")}>
            {f.dateTime(group.drawn_at)} / {f.dateTime(group.completed_at)}
          </Fact>
          <Fact label={t("campaigns.visibility")}>
            {t(`visibility.${group.visibility}`)}
            {group.shopper_defined ? ` · ${t("groups.shopperDefined")}` : ""}
          </Fact>
        </div>
        <div className="grid grid-cols-2 gap-3">
          {group.draw_id && <DrawCheck id={group.draw_id} label={t("group.winnerDraw")} />}
          {group.envelope_draw_id && <DrawCheck id={group.envelope_draw_id} label={t("group.envelopeDraw")} />}
        </div>
      </Container>
      <Container className="p-0">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("seats.seat")}</Table.HeaderCell>
              <Table.HeaderCell>{t("group.customer")}</Table.HeaderCell>
              <Table.HeaderCell>{t("group.order")}</Table.HeaderCell>
              <Table.HeaderCell>{t("seats.result")}</Table.HeaderCell>
              <Table.HeaderCell>{t("seats.refund")}</Table.HeaderCell>
              <Table.HeaderCell>{t("group.envelopeShare")}</Table.HeaderCell>
              <Table.HeaderCell>{t("group.joined")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {group.members.map((m) => (
              <Table.Row key={m.id}>
                <Table.Cell>#{m.seat}</Table.Cell>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive font-mono text-xs" to={`/customers/${m.customer_id}`}>
                    {m.customer_id}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <Link className="text-ui-fg-interactive font-mono text-xs" to={`/orders/${m.order_id}`}>
                    {m.order_id}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall" color={statusColor(m.status)}>
                    {t(`memberStatus.${m.status}`)}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  <RefundCell request={refunds.get(m.order_id)} />
                </Table.Cell>
                <Table.Cell>{f.money(m.envelope_share, cur)}</Table.Cell>
                <Table.Cell>{f.dateTime(m.joined_at)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Container>
    </Stack>
  )
}

export default GroupDrawGroupPage

import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Input, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { CustomerMembership, membershipKeys } from "../lib/membership"
import { Card, errorMessage, Fact, RowsTable, sdk, useStoreFormat } from "@fission/core/admin-kit"

/** The customer's level, growth, points and level history (points postings are in the wallet widget). */
const CustomerMembershipWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { t } = useTranslation("fission-membership")
  const f = useStoreFormat()
  const { data, isLoading, isError, error } = useQuery({
    queryKey: membershipKeys.customer(customer.id),
    queryFn: () => sdk.client.fetch<{ membership: CustomerMembership }>(`/admin/fission/membership/customers/${customer.id}`),
  })
  const m = data?.membership
  const queryClient = useQueryClient()
  const [birthday, setBirthday] = useState<string | null>(null)
  const saveBirthday = useMutation({
    mutationFn: (value: string) =>
      sdk.client.fetch<{ membership: CustomerMembership }>(`/admin/fission/membership/customers/${customer.id}`, {
        method: "POST",
        body: { birthday: value.trim() === "" ? null : value.trim() },
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(membershipKeys.customer(customer.id), result)
      setBirthday(null)
      toast.success(t("widget.birthdaySaved"))
    },
    onError: (e) => toast.error(errorMessage(e)),
  })
  return (
    <Card title={t("widget.title")} loading={isLoading} error={error}>
      {m && (
        <>
          <div className="grid grid-cols-4 gap-4 px-6 py-4">
            <Fact label={t("widget.level")}>{m.level?.name ?? "–"}</Fact>
            <Fact label={t("widget.growth")}>{m.growth}
                {m.downgrade_policy === "yearly" ? t("widget.last12", { growth: m.qualifying_growth }) : ""}
                {m.next_level ? t("widget.toNext", { growth: m.growth_to_next_level, level: m.next_level.name }) : ""}</Fact>
            <Fact label={t("widget.pointsAvailable")}>{m.points.available}
                {m.points.pending ? t("widget.pending", { points: m.points.pending }) : ""}</Fact>
            <Fact label={t("widget.expiring", { count: m.points.expiring_within_days })}>{m.points.expiring_soon}</Fact>
          </div>
          <div className="flex items-center gap-x-3 px-6 py-4">
            <Text size="small" className="text-ui-fg-subtle">{t("widget.birthday")}</Text>
            {birthday === null ? (
              <>
                <Text weight="plus">{m.birthday ?? "–"}</Text>
                <Button size="small" variant="secondary" onClick={() => setBirthday(m.birthday ?? "")}>
                  {t("common.edit")}
                </Button>
              </>
            ) : (
              <>
                <Input size="small" placeholder="YYYY-MM-DD" value={birthday} onChange={(e) => setBirthday(e.target.value)} />
                <Button size="small" isLoading={saveBirthday.isPending} onClick={() => saveBirthday.mutate(birthday)}>
                  {t("common.save")}
                </Button>
                <Button size="small" variant="transparent" onClick={() => setBirthday(null)}>
                  {t("common.cancel")}
                </Button>
              </>
            )}
          </div>
          {m.level_changes.length > 0 && (
            <RowsTable
              headers={[t("widget.when"), t("widget.growth"), t("widget.reason")]}
              rows={m.level_changes}
              rowKey={(c) => c.id}
              cells={(c) => [f.dateTime(c.created_at), c.growth, c.reason]}
            />
          )}
        </>
      )}
    </Card>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerMembershipWidget

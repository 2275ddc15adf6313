import { model } from "@medusajs/framework/utils"

/**
 * One group of a campaign. Seats are taken with a conditional update on this row
 * (`seats_taken < size AND status = 'open'`), so no group ever has more than `size`
 * paid members. open → full → drawn → completed (or refunding while a loser's
 * refund has to be retried); an expired group is failed (everyone refunded). The group
 * carries its own size, winners and deadline: seats, draw and settlement read them here.
 */
const GroupDrawGroup = model
  .define("group_draw_group", {
    id: model.id({ prefix: "gdg" }).primaryKey(),
    campaign_id: model.text(),
    status: model.enum(["open", "full", "drawn", "refunding", "completed", "failed"]).default("open"),
    seats_taken: model.number().default(0),
    size: model.number(),
    winners: model.number(),
    expires_at: model.dateTime(),
    // the group's own duration: an overflow group opened for a buyer of this group gets the same
    duration_hours: model.number().default(24),
    // a shopper-defined group may be private: joinable by its id (link) only, never listed
    visibility: model.enum(["open", "private"]).default("open"),
    // the group's own rules were chosen by the shopper who opened it (within the campaign limits)
    shopper_defined: model.boolean().default(false),
    // fair draw (pick) committed when the group opens; the red-envelope split draw next to it
    draw_id: model.text().nullable(),
    envelope_draw_id: model.text().nullable(),
    opened_by: model.text().nullable(),
    drawn_at: model.dateTime().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["campaign_id", "status"] },
    { on: ["status", "expires_at"] },
    { on: ["opened_by"] },
    // per-day statistics (GET /admin/fission/group-draws/stats) range over these
    { on: ["created_at"] },
    { on: ["completed_at"] },
  ])

export default GroupDrawGroup

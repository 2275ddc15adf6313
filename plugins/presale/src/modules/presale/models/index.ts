export { default as PresaleCampaign } from "./campaign"
export { default as PresaleParticipant } from "./participant"
export { default as PresaleRefund } from "./refund"
export { default as PresaleDraw } from "./draw"

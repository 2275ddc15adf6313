export { default as GroupDrawCampaign } from "./campaign"
export { default as GroupDrawGroup } from "./group"
export { default as GroupDrawMember } from "./member"

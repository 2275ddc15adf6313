// Draws are always returned as public records (the seed stays hidden until
// drawn), so the routes build their own shape; these only drive pagination.
export const fairDrawFields = [
  "id",
  "kind",
  "source_type",
  "source_id",
  "round",
  "status",
  "commitment",
  "inputs",
  "outcome",
  "drawn_at",
  "created_at",
]

export const listFairDrawsQueryConfig = {
  defaults: fairDrawFields,
  defaultLimit: 20,
  isList: true,
}

export const retrieveFairDrawQueryConfig = {
  defaults: fairDrawFields,
  isList: false,
}

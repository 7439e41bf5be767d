/** Field resolvers of every record the write side keeps: who recorded it and who changed it last. */
export const recordedFields = {
  recordedBy: (r: { recorded_by: string | null }) => r.recorded_by,
};

export const versionedFields = {
  ...recordedFields,
  changedBy: (r: { changed_by: string | null }) => r.changed_by,
};

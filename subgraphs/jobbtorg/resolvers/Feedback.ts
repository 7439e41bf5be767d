import { loadExisting } from '../../../lib/loaders';
import type { FeedbackResolvers } from '../__generated__/resolvers-types';

export const Feedback: FeedbackResolvers = {
  case: (f, _, { loaders }) => loadExisting(loaders.case, f.case_id, 'case'),
  sentAt: (f) => f.sent_at,
  sentBy: (f) => f.sent_by,
};

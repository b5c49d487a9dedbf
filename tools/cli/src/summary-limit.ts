// The PR comment is GitHub's, so GitHub's limit (less the sticky marker line) bounds every summary cxops
// renders; the plan package itself knows no host.
import { commentBodyLimit, stickyMarker } from '@cxops/github/limits';

export const SUMMARY_LIMIT = commentBodyLimit(stickyMarker('plan-summary'));

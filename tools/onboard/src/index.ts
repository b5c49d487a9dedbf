export { onboard, type OnboardOptions, type OnboardResult } from './onboard.ts';
export { summaryText, type OnboardReport } from './report.ts';
export type { Finding, FindingKind } from './findings.ts';

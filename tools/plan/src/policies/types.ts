// The policy engine's vocabulary. A rule reads one environment's plan (or all of them, for cross-root
// rules) and returns findings; the engine applies configuration and the PR author's overrides.
import type { PlanJson } from '../model.ts';

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  environment: string;
  /** The resource the finding is about, when there is one. */
  address?: string;
  message: string;
  /** What the PR author can do about it. */
  fix: string;
  /** Set when an override in the PR allows it: the finding stays visible but no longer fails. */
  overriddenBy?: { reason: string; file: string };
}

export interface RuleSettings {
  enabled?: boolean;
  severity?: Severity;
  /** Rule-specific options (caps, names). */
  [option: string]: unknown;
}

export interface EnvironmentPlan {
  environment: string;
  plan: PlanJson;
  config?: PolicyConfig;
}

export interface Override {
  rule: string;
  /** The resource address the override allows; "*" allows the rule for the whole environment. */
  address: string;
  reason: string;
}

export interface PolicyConfig {
  /** Where the config came from, for messages. */
  file?: string;
  rules?: Record<string, RuleSettings>;
  overrides?: Override[];
  overridesFile?: string;
}

export interface Rule {
  id: string;
  title: string;
  /** Why the rule exists, in a sentence or two; shown in docs and findings. */
  why: string;
  defaultSeverity: Severity;
  /** Checks one environment. */
  check?: (input: EnvironmentPlan, settings: RuleSettings) => Omit<Finding, 'rule' | 'severity'>[];
  /** Checks all environments together (e.g. two roots managing one object). */
  checkAll?: (inputs: EnvironmentPlan[], settings: RuleSettings) => Omit<Finding, 'rule' | 'severity'>[];
}

// Runs the rules over one or more environments' plans, applies per-environment settings and the PR
// author's overrides, and says whether the change may proceed.
import { RULES } from './rules.ts';
import type { EnvironmentPlan, Finding, Override, Rule, RuleSettings } from './types.ts';

export interface PolicyReport {
  findings: Finding[];
  /** Errors that no override allows: the change must not be applied. */
  blocking: Finding[];
  passed: boolean;
  rules: { id: string; title: string; why: string }[];
}

function settingsFor(input: EnvironmentPlan, rule: Rule): RuleSettings {
  return input.config?.rules?.[rule.id] ?? {};
}

function overrideFor(input: EnvironmentPlan | undefined, finding: Finding): Override | undefined {
  return input?.config?.overrides?.find(
    (o) => o.rule === finding.rule && (o.address === '*' || o.address === finding.address),
  );
}

export function evaluatePolicies(inputs: EnvironmentPlan[], rules: readonly Rule[] = RULES): PolicyReport {
  const findings: Finding[] = [];
  const byEnvironment = new Map(inputs.map((i) => [i.environment, i]));
  const emit = (rule: Rule, environment: string, drafts: Omit<Finding, 'rule' | 'severity'>[]) => {
    const input = byEnvironment.get(environment);
    const settings = input ? settingsFor(input, rule) : {};
    if (settings.enabled === false) return;
    for (const draft of drafts) {
      const finding: Finding = {
        ...draft,
        rule: rule.id,
        severity: settings.severity ?? rule.defaultSeverity,
      };
      const override = overrideFor(input, finding);
      if (override)
        finding.overriddenBy = {
          reason: override.reason,
          file: input?.config?.overridesFile ?? 'cxops.overrides.json',
        };
      findings.push(finding);
    }
  };
  for (const rule of rules) {
    for (const input of inputs) {
      if (rule.check) emit(rule, input.environment, rule.check(input, settingsFor(input, rule)));
    }
    if (rule.checkAll) {
      const drafts = rule.checkAll(inputs, {});
      for (const environment of new Set(drafts.map((d) => d.environment)))
        emit(
          rule,
          environment,
          drafts.filter((d) => d.environment === environment),
        );
    }
  }
  // Destructive and blocking first: that is what a reviewer must see before anything else.
  findings.sort(
    (a, b) =>
      Number(!!a.overriddenBy) - Number(!!b.overriddenBy) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
  const blocking = findings.filter((f) => f.severity === 'error' && !f.overriddenBy);
  return {
    findings,
    blocking,
    passed: blocking.length === 0,
    rules: rules.map(({ id, title, why }) => ({ id, title, why })),
  };
}

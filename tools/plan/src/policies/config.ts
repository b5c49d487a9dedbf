// Per-environment policy settings (cxops.policy.json) and the PR author's overrides (cxops.overrides.json),
// both committed beside the environment root so every change to them is reviewed. Protect the overrides
// file with CODEOWNERS (security team for no-permission-escalation).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CxError } from '@cxops/core';
import { RULES } from './rules.ts';
import type { Override, PolicyConfig, RuleSettings } from './types.ts';

export const POLICY_FILE = 'cxops.policy.json';
export const OVERRIDES_FILE = 'cxops.overrides.json';

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CxError({
      action: `read ${file}`,
      reason: `it is not valid JSON (${(error as Error).message})`,
      where: file,
      fix: 'fix the JSON syntax',
    });
  }
}

const ruleIds = () => RULES.map((r) => r.id);

function checkRuleId(file: string, where: string, id: string): void {
  if (!ruleIds().includes(id)) {
    throw new CxError({
      action: `read ${file}`,
      reason: `${where} names the unknown rule "${id}"`,
      where: `${file}: ${where}`,
      fix: `use one of: ${ruleIds().join(', ')}`,
    });
  }
}

export function parseOverrides(file: string, value: unknown): Override[] {
  const list = (value as { overrides?: unknown } | undefined)?.overrides;
  if (!Array.isArray(list))
    throw new CxError({
      action: `read ${file}`,
      reason: 'it has no "overrides" list',
      where: file,
      fix: '{"overrides": [{"rule": "...", "address": "...", "reason": "..."}]}',
    });
  return list.map((entry, i) => {
    const o = entry as Partial<Override>;
    for (const field of ['rule', 'address', 'reason'] as const) {
      if (typeof o[field] !== 'string' || o[field]!.trim() === '') {
        throw new CxError({
          action: `read ${file}`,
          reason: `overrides[${i}].${field} is missing`,
          where: `${file}: overrides[${i}].${field}`,
          fix: 'every override names the rule, the resource address (or "*") and a reason a reviewer can judge',
        });
      }
    }
    checkRuleId(file, `overrides[${i}].rule`, o.rule!);
    return o as Override;
  });
}

export function parsePolicySettings(file: string, value: unknown): Record<string, RuleSettings> {
  const rules = (value as { rules?: unknown } | undefined)?.rules ?? {};
  if (typeof rules !== 'object' || Array.isArray(rules))
    throw new CxError({
      action: `read ${file}`,
      reason: '"rules" must be an object keyed by rule id',
      where: `${file}: rules`,
      fix: '{"rules": {"blast-radius": {"maxChanges": 300}}}',
    });
  for (const [id, settings] of Object.entries(rules as Record<string, RuleSettings>)) {
    checkRuleId(file, `rules.${id}`, id);
    if (settings.severity !== undefined && !['error', 'warning'].includes(settings.severity)) {
      throw new CxError({
        action: `read ${file}`,
        reason: `rules.${id}.severity is "${String(settings.severity)}"`,
        where: `${file}: rules.${id}.severity`,
        fix: 'use "error" or "warning"',
      });
    }
  }
  return rules as Record<string, RuleSettings>;
}

/** Reads both files from an environment folder; both are optional. */
export async function loadPolicyConfig(environmentDir: string): Promise<PolicyConfig> {
  const policyFile = path.join(environmentDir, POLICY_FILE);
  const overridesFile = path.join(environmentDir, OVERRIDES_FILE);
  const policy = await readJson(policyFile);
  const overrides = await readJson(overridesFile);
  return {
    file: policy === undefined ? undefined : policyFile,
    rules: policy === undefined ? {} : parsePolicySettings(policyFile, policy),
    overrides: overrides === undefined ? [] : parseOverrides(overridesFile, overrides),
    overridesFile: overrides === undefined ? undefined : overridesFile,
  };
}

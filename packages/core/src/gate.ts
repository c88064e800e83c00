import type { GateConfig } from './config';
import type { DeclaredCheck, Gate } from './evidence';
import type { PccpVerdict } from './pccp';
import { type CheckResult, STATUSES, type Status } from './results';
import type { Requirement } from './trace';

/**
 * The design-control decision for a change: blocked when any result has a blocking status, when nothing
 * ran at all, or (by policy) when a requirement has no enabled check that verifies it.
 */
export function evaluateGate(
  policy: GateConfig,
  results: readonly CheckResult[],
  requirements: readonly Requirement[],
  checks: readonly DeclaredCheck[],
  pccp: PccpVerdict | null = null,
): Gate {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const r of results) counts[r.status]++;
  const reasons: Gate['reasons'] = [];
  for (const r of results) {
    if (policy.fail_on.includes(r.status)) {
      reasons.push({ code: 'result_status', ref: r.id, message: `${r.id} ${r.status}: ${r.message}` });
    }
  }
  if (results.length === 0) reasons.push({ code: 'no_results', message: 'no check produced a result' });
  if (pccp?.verdict === 'outside' && !pccp.overridden) {
    const broken = pccp.rules.filter((r) => r.status !== 'met');
    reasons.push({
      code: 'pccp_outside',
      ref: pccp.id,
      message: `outside the change control plan ${pccp.id}: ${broken.map((r) => `${r.rule} ${r.status === 'violated' ? 'violated' : 'not evaluated'} (${r.message})`).join('; ')}`,
    });
  }
  if (policy.require_verified) {
    const verified = new Set(checks.filter((c) => c.enabled).flatMap((c) => c.verifies));
    for (const req of requirements) {
      if (!verified.has(req.id)) {
        reasons.push({
          code: 'unverified_requirement',
          ref: req.id,
          message: `${req.id} (${req.title}) has no check that verifies it`,
        });
      }
    }
  }
  return {
    verdict: reasons.length === 0 ? 'pass' : 'fail',
    reasons,
    policy: { fail_on: [...policy.fail_on], require_verified: policy.require_verified },
    counts,
  };
}

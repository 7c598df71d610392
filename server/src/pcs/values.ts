// Value checks pcs 0.11 applies (pcs/lib/pacemaker/values.py, pcs/common/tools.py), restated.
import { CLUSTER_PROPERTIES, type ClusterPropertyDef } from './clusterProperties.data';

const BOOLEAN_TRUE = ['true', 'on', 'yes', 'y', '1'];
const BOOLEAN_FALSE = ['false', 'off', 'no', 'n', '0'];
export const PCMK_BOOLEANS = [...BOOLEAN_FALSE, ...BOOLEAN_TRUE].sort();

export function isPcmkBoolean(value: string): boolean {
  return PCMK_BOOLEANS.includes(value.toLowerCase());
}
export function isPcmkFalse(value: string): boolean {
  return BOOLEAN_FALSE.includes(value.toLowerCase());
}

/** pcs's is_score: optional sign, then INFINITY or digits. */
export function isScore(value: string): boolean {
  if (!value) return false;
  const unsigned = value[0] === '+' || value[0] === '-' ? value.slice(1) : value;
  return unsigned === 'INFINITY' || /^\d+$/.test(unsigned);
}

export function scoreNumber(value: string): number {
  const unsigned = value.replace(/^[+-]/, '');
  const sign = value.startsWith('-') ? -1 : 1;
  return unsigned === 'INFINITY' ? sign * Infinity : sign * Number(unsigned);
}

/** pcs's timeout_to_seconds: a non-negative integer with an optional s/sec/m/min/h/hr suffix. */
export function isTimeInterval(value: string): boolean {
  return /^\d+(s|sec|m|min|h|hr)?$/.test(value);
}

export function isValidId(id: string): { ok: true } | { ok: false; reason: string } {
  if (!id) return { ok: false, reason: 'an id cannot be empty' };
  if (!/^[A-Za-z_]/.test(id)) return { ok: false, reason: `'${id[0]}' is not a valid first character` };
  const bad = /[^A-Za-z0-9_.-]/.exec(id);
  if (bad) return { ok: false, reason: `'${bad[0]}' is not a valid character` };
  return { ok: true };
}

export const CLUSTER_PROPERTY_MAP = new Map(CLUSTER_PROPERTIES.map((p) => [p.name, p]));
export const SETTABLE_PROPERTIES = CLUSTER_PROPERTIES.filter((p) => !p.readonly);

/** Why pcs refuses `value` for `prop`, or undefined when it accepts it. */
export function propertyValueProblem(prop: ClusterPropertyDef, value: string): string | undefined {
  switch (prop.type) {
    case 'boolean':
      return isPcmkBoolean(value) ? undefined : `use a pacemaker boolean value: ${PCMK_BOOLEANS.map((v) => `'${v}'`).join(', ')}`;
    case 'integer':
      return /^[+-]?(\d+|INFINITY)$/.test(value) ? undefined : 'use an integer or INFINITY or -INFINITY';
    case 'percentage':
      return /^\d+%$/.test(value) ? undefined : "use a non-negative integer followed by '%' (e.g. 0%, 50%, 200%)";
    case 'select':
      return prop.values?.includes(value)
        ? undefined
        : `use ${[...(prop.values ?? [])]
            .sort()
            .map((v) => `'${v}'`)
            .join(', ')}`;
    case 'time':
      return isTimeInterval(value) ? undefined : 'use a time interval (e.g. 1, 2s, 3m, 4h)';
    default:
      return undefined;
  }
}

export const ROLES = ['Master', 'Promoted', 'Slave', 'Started', 'Stopped', 'Unpromoted'];
export const ORDER_ACTIONS = ['start', 'stop', 'promote', 'demote'];

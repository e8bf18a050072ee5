/**
 * Writes a scenario as YAML, JSON or CSV.
 *
 * YAML and JSON keep every field, in the schema's order, so `parseScenario(serializeScenario(s, f))`
 * deep-equals `s` (the salience scale is written out, so it is never re-inferred).
 *
 * CSV is LOSSY: it writes the long form `actor,issue,capability,position,salience,evidence`, one row
 * per actor and issue, with the actor's id in the `actor` column. It drops the title, description,
 * sources, issue names, scales and status quo, actor names, risk and notes, the salience scale, and
 * actors without any stance; reading it back re-infers scales and the salience scale.
 */
import { stringify } from 'yaml';
import { ActorSchema, IssueSchema, ScaleSchema, type Scenario, ScenarioSchema, StanceSchema } from './schema.js';
import type { ScenarioFormat } from './parse.js';
import { stanceOf } from './keyed.js';

export function serializeScenario(scenario: Scenario, format: ScenarioFormat): string {
  if (format === 'csv') return toCsv(scenario);
  const ordered = orderScenario(scenario);
  if (format === 'json') return `${JSON.stringify(ordered, null, 2)}\n`;
  return stringify(ordered, { lineWidth: 0 });
}

/** Copies `value` with the keys in `order` first (as the schema lists them), dropping undefined ones. */
function orderKeys(value: object, order: readonly string[]): Record<string, unknown> {
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  const rank = (key: string): number => (order.includes(key) ? order.indexOf(key) : order.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)));
}

const keysOf = (schema: { shape: object }): string[] => Object.keys(schema.shape);

function orderScenario(scenario: Scenario): Record<string, unknown> {
  return orderKeys(
    {
      ...scenario,
      issues: scenario.issues.map((issue) => orderKeys({ ...issue, scale: orderKeys(issue.scale, keysOf(ScaleSchema)) }, keysOf(IssueSchema))),
      actors: scenario.actors.map((actor) =>
        orderKeys(
          {
            ...actor,
            stances: Object.fromEntries(Object.entries(actor.stances).map(([issue, stance]) => [issue, orderKeys(stance, keysOf(StanceSchema))])),
          },
          keysOf(ActorSchema),
        ),
      ),
    },
    keysOf(ScenarioSchema),
  );
}

const CSV_HEADER = ['actor', 'issue', 'capability', 'position', 'salience', 'evidence'];

/** Quotes a CSV field when it holds a comma, quote or line break, or starts or ends with a space. */
function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

function toCsv(scenario: Scenario): string {
  const rows = [CSV_HEADER];
  for (const actor of scenario.actors) {
    for (const issue of scenario.issues) {
      const stance = stanceOf(actor, issue.id);
      if (!stance) continue;
      rows.push([actor.id, issue.id, String(actor.capability), String(stance.position), String(stance.salience), stance.evidence ?? '']);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

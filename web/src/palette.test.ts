/** The workbench's colours (issue 14, item 16): fixed per model id and per actor place; actor and model colours never collide. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { models } from '../../src/models/registry.js';
import { actorPalette, actorStyle, actorStyles, actorSymbols, modelColour, modelColours, statusQuoColour } from './palette.js';

/** CIE L*a*b* of an sRGB hex colour (D65). */
function lab(hex: string): [number, number, number] {
  const linear = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const [r, g, b] = linear as [number, number, number];
  const xyz = [(r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047, r * 0.2126 + g * 0.7152 + b * 0.0722, (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [fx, fy, fz] = xyz.map(f) as [number, number, number];
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}
/** ΔE*ab (CIE 1976): about 2 is just noticeable; 25 is plainly another colour. */
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((value, k) => value - lab(b)[k]!));
const modelPalette = models.map((model) => modelColour(model.id));

test('every registered model has a colour of its own, fixed by id', () => {
  for (const model of models) assert.ok(modelColours[model.id], `${model.id} has no fixed colour`);
  assert.equal(new Set(modelPalette).size, models.length);
  // The same id gives the same colour, whichever models run and in which order.
  assert.equal(modelColour('eum'), modelColours.eum);
  assert.equal(modelColour('a-model-added-later'), modelColour('a-model-added-later'));
  assert.equal(modelColour('__proto__'), modelColour('__proto__'));
  assert.match(modelColour('constructor'), /^#[0-9A-F]{6}$/u);
});

test('actor and model colours do not collide: every pair at least ΔE 25 apart', () => {
  for (const actor of actorPalette) for (const model of [...modelPalette, statusQuoColour]) assert.ok(deltaE(actor, model) >= 25, `actor ${actor} and model ${model}: ΔE ${deltaE(actor, model).toFixed(1)}`);
  for (const [palette, name] of [[actorPalette, 'actor'], [modelPalette, 'model']] as const) {
    for (const [i, a] of palette.entries()) for (const b of palette.slice(i + 1)) assert.ok(deltaE(a, b) >= 20, `${name} colours ${a} and ${b}: ΔE ${deltaE(a, b).toFixed(1)}`);
  }
});

test('an actor keeps its colour and shape by its place in the scenario; beyond 8 actors the shape tells them apart', () => {
  const actors = Array.from({ length: 20 }, (_, index) => ({ id: `a${index}` }));
  const styles = actorStyles(actors);
  assert.deepEqual(styles.get('a3'), actorStyle(3));
  assert.deepEqual(actorStyles(actors.slice(0, 5)).get('a3'), styles.get('a3'));
  const pairs = new Set([...styles.values()].map((style) => `${style.colour} ${style.symbol}`));
  assert.equal(pairs.size, 20, 'two of 20 actors share a colour and a shape');
  assert.equal(styles.get('a0')!.symbol, 'circle');
  assert.equal(styles.get('a8')!.colour, styles.get('a0')!.colour);
  assert.notEqual(styles.get('a8')!.symbol, styles.get('a0')!.symbol);
  assert.equal(new Set(Array.from({ length: actorPalette.length * actorSymbols.length }, (_, index) => JSON.stringify(actorStyle(index)))).size, 56);
});

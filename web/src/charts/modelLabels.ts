/** Models as the charts and tables name them: short names ("EUM", "Nash", "weighted median"), with the preset when it is not the default. */

const shortNames: ReadonlyMap<string, string> = new Map([
  ['mean', 'mean'],
  ['weighted-mean', 'weighted mean'],
  ['weighted-median', 'weighted median'],
  ['nash', 'Nash'],
  ['eum', 'EUM'],
  ['smp', 'SMP'],
  ['discrete-choice', 'discrete choice'],
  ['exchange', 'exchange'],
]);

/** A model's short name; its id for a model not listed here. */
export function modelShortName(modelId: string): string {
  return shortNames.get(modelId) ?? modelId;
}

/** A forecast's model, and its preset when one other than `default` was chosen: "EUM (fast)". */
export function forecastLabel(forecast: { model: string; preset?: string | undefined }): string {
  const name = modelShortName(forecast.model);
  return forecast.preset && forecast.preset !== 'default' ? `${name} (${forecast.preset})` : name;
}

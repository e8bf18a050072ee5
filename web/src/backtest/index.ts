/** The backtest page: its form, its result and its running state are all its own. */
import { api, type BacktestBody, type BacktestState } from '../api.js';
import type { Store } from '../app/store.js';
import type { View } from '../app/view.js';
import { backtestBody, defaultBacktestForm, renderBacktest, showBacktestProgress } from './backtest.js';

export function backtestView(store: Store): View {
  const form = defaultBacktestForm();
  let result: BacktestState | undefined;
  let running = false;

  /** Asks the server for the backtest until it is done, showing its progress meanwhile. */
  async function run(): Promise<void> {
    const body: BacktestBody = backtestBody(form);
    running = true;
    result = undefined;
    store.changed();
    try {
      for (;;) {
        const answer = await api.backtest(body);
        if (answer.status === 'done') {
          result = answer;
          break;
        }
        showBacktestProgress(answer);
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
    } finally {
      running = false;
      store.changed();
    }
  }

  return {
    id: 'backtest',
    place: 'page',
    label: () => 'Backtest on EU decisions',
    summary: 'DEU III: every model vs what the EU decided',
    redrawOnResize: true,
    render: (width) => renderBacktest({ form, state: result, running, run: store.guarded(run), changed: () => store.changed() }, width),
  };
}

/** Layout checks of the browser tests (a view usable at a narrow width). */
import type { Page } from 'playwright-core';

/**
 * Tables a reader cannot see whole: a table wider than the window that is not inside a box scrolling
 * sideways, or a scroll box itself running off the window; and the page's own horizontal overflow.
 */
export function cutOff(page: Page): Promise<{ tables: string[]; pageOverflow: number }> {
  return page.evaluate(`(() => {
    const tables = [];
    for (const table of document.querySelectorAll('table')) {
      if (table.offsetParent === null) continue;
      let box = table.parentElement;
      while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      const name = table.id || table.className || 'table';
      const rect = (box ?? table).getBoundingClientRect();
      if (!box) {
        if (table.getBoundingClientRect().right > innerWidth + 0.5) tables.push(name + ': wider than the window and not in a scroll box');
        continue;
      }
      if (rect.left < -0.5 || rect.right > innerWidth + 0.5) tables.push(name + ': its scroll box runs off the window');
      if (table.scrollWidth > box.clientWidth + 0.5 && box.scrollWidth <= box.clientWidth) tables.push(name + ': cut off inside its box');
    }
    return { tables, pageOverflow: document.documentElement.scrollWidth - innerWidth };
  })()`);
}

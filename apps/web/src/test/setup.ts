import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// Route pages are lazy chunks; the first import of one under happy-dom can take a few seconds.
configure({ asyncUtilTimeout: 15000 });

/**
 * antd reads breakpoints through window.matchMedia. This stub answers `(min-width: Npx)` and
 * `(max-width: Npx)` from window.innerWidth, so a test can pick a phone or desktop width with
 * setViewportWidth().
 */
function matches(query: string): boolean {
  const width = window.innerWidth;
  const min = /min-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  const max = /max-width:\s*(\d+(?:\.\d+)?)px/.exec(query);
  if (min && width < Number(min[1])) return false;
  if (max && width > Number(max[1])) return false;
  return Boolean(min ?? max);
}

Object.defineProperty(window, 'matchMedia', {
  configurable: true,
  writable: true,
  value: (query: string): MediaQueryList =>
    ({
      matches: matches(query),
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList,
});

// antd measures scrollbars and text through these; happy-dom lacks or half-implements them.
if (!('scrollTo' in window) || typeof window.scrollTo !== 'function') {
  Object.defineProperty(window, 'scrollTo', { configurable: true, value: () => undefined });
}
Object.defineProperty(HTMLElement.prototype, 'scrollIntoView', {
  configurable: true,
  writable: true,
  value: () => undefined,
});

/** Sets the window width seen by matchMedia (and so by antd's Grid.useBreakpoint). */
export function setViewportWidth(width: number): void {
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: width });
}

setViewportWidth(1280);

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  setViewportWidth(1280);
});

// The few DOM shapes the page scripts of the end-to-end tests use (`page.evaluate` bodies run in the
// browser; the test tsconfig has no DOM lib). Only what the tests touch is declared. Cast inside the page
// function (`globalThis as unknown as PageGlobals`): a helper function would not be sent to the browser.

export interface PageRect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface PageElement {
  textContent: string | null;
  getBoundingClientRect(): PageRect;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
  scrollIntoView(options?: { block?: 'start' | 'center' | 'end' | 'nearest' }): void;
}

export interface PageGlobals {
  document: PageElement;
  window: { getComputedStyle(el: PageElement, pseudo?: string): { content: string } };
}

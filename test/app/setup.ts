import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

// jsdom has no scrolling; ScrollRestoration calls it on every navigation.
window.scrollTo = () => {};

afterEach(() => {
  cleanup();
  localStorage.clear();
});

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { applyTheme, storedTheme } from './theme.js';
import './styles.css';

// Before the first render, so a remembered dark theme does not flash light.
applyTheme(storedTheme());
// zod compiles fast parsers with new Function when eval is allowed; the server's
// Content-Security-Policy forbids it, and the refused attempt would be a console error.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="报告问答">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.js';
import { applyTheme, storedTheme } from './theme.js';
import './styles.css';

// Before the first render, so a remembered dark theme does not flash light.
applyTheme(storedTheme());

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary what="报告问答">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

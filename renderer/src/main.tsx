// The base styles come first: every component's own stylesheet, imported with it, builds on them.
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { custody } from './client/custody';
import { connectSession } from './session/connect-session';
import { listenForPageShortcuts } from './session/page-shortcuts';
import { reportActivity } from './session/report-activity';

connectSession(custody());
reportActivity(custody(), window);
listenForPageShortcuts(window);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

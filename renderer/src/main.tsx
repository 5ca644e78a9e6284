import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { custody } from './client/custody';
import { connectSession } from './session/connect-session';
import './styles/app.css';

connectSession(custody());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

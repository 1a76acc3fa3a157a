import './app/zod-jitless';
import './ui/theme.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { setupI18n } from './i18n';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

setupI18n();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App';
import { loadConfig } from './config';
import './desk.css';

const root = createRoot(document.getElementById('root')!);

loadConfig()
  .then((config) =>
    root.render(
      <StrictMode>
        <App config={config} />
      </StrictMode>,
    ),
  )
  .catch((error: Error) =>
    root.render(
      <main className="page">
        <h1>Planeringsdesken kunde inte starta</h1>
        <p role="alert">{error.message}</p>
      </main>,
    ),
  );

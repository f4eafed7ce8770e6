// Renderer entry: the API (preload's or browser mode's), the place from the address, React into
// #root, then boot.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { boot } from './actions/boot';
import { startLocationSync } from './actions/location';
import { setApi } from './actions/client';
import { getApi } from './api';
import './styles.css';

setApi(getApi());
startLocationSync();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void boot();

import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { bootPrefetch } from './lib/prefetch.js';

bootPrefetch(); // route chunk, Chart.js, /v1/me and the landing data, all in flight before mount
mount(App, { target: document.getElementById('app')! });

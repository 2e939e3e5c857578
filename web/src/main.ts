import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { bootPrefetch } from './lib/prefetch.js';
import { i18n, loadEnglish } from './lib/i18n.svelte.js';

bootPrefetch(); // route chunk, Chart.js, /v1/me and the landing data, all in flight before mount
const start = () => mount(App, { target: document.getElementById('app')! });
// A remembered EN choice: its texts load alongside the route chunk, and the app mounts in English (Indonesian if they fail).
if (i18n.lang === 'en') loadEnglish().then(start, () => { i18n.lang = 'id'; document.documentElement.lang = 'id'; start(); });
else start();

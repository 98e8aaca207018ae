import { mount } from 'svelte';
import App from './ui/App.svelte';
import KioskApp from './ui/KioskApp.svelte';
import { parseKioskParams } from './lib/domain/kioskParams';
import { registerServiceWorker } from './ui/registerServiceWorker';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// /?kiosk: the unattended wall-screen layout (issue 5); it works offline after its first load.
const kiosk = parseKioskParams(location.search);
if (kiosk.kiosk) registerServiceWorker();

export default kiosk.kiosk ? mount(KioskApp, { target, props: { params: kiosk } }) : mount(App, { target });

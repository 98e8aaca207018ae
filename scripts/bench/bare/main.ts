// The bench's reference page: MapLibre alone, with the app's own style builder and the
// same data files (fetched at runtime, as the app does), and nothing else around it.
// `?w=<px>&h=<px>` sizes the map like the app's map so both draw the same number of pixels.
// Sets window.bareReady = true at the first 'idle', as the app sets window.sitmap.ready.
import { Map, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import basemapUrl from '../../../data/basemap.json?url';
import featuresUrl from '../../../data/features.json?url';
import legendUrl from '../../../data/legend.json?url';
import { buildStyle, HATCH_IMAGE, INITIAL_BOUNDS } from '../../../src/lib/map/style';
import { hatchPattern } from '../../../src/lib/map/patterns';
import { COLORS } from '../../../src/lib/map/layers';

declare global {
  interface Window {
    bareReady?: boolean;
  }
}

setWorkerUrl(workerUrl);

const params = new URLSearchParams(location.search);
const container = document.getElementById('map') as HTMLDivElement;
const w = Number(params.get('w'));
const h = Number(params.get('h'));
if (w > 0 && h > 0) {
  container.style.width = `${w}px`;
  container.style.height = `${h}px`;
}

const [basemap, features, legend] = await Promise.all(
  [basemapUrl, featuresUrl, legendUrl].map(async (url) => JSON.parse(await (await fetch(url)).text())),
);

const map = new Map({
  container,
  style: buildStyle({ basemap, features, legend }),
  bounds: INITIAL_BOUNDS,
  fitBoundsOptions: { padding: 20 },
  attributionControl: false,
  maxPitch: 0,
});
map.on('styleimagemissing', (e) => {
  if (e.id === HATCH_IMAGE && !map.hasImage(HATCH_IMAGE)) map.addImage(HATCH_IMAGE, hatchPattern(COLORS.held), { pixelRatio: 1 });
});
map.once('idle', () => {
  window.bareReady = true;
});

// PNG snapshot of the map: the WebGL canvas read during a render (the drawing buffer is
// still valid inside the 'render' handler), drawn onto a 2D canvas with the legend, the
// attribution and a caption naming the source report, all as plain text (fillText).
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LegendEntry } from '../lib/map/layers';

export interface SnapshotText {
  legend: readonly LegendEntry[];
  /** Data attributions, plain text. */
  attribution: string;
  /** Caption lines naming the source report, the time range, the caveats. */
  caption: readonly string[];
}

/** The map's current frame as an image (copied inside the render callback). */
function grabFrame(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the map did not render within 15 s')), 15_000);
    map.once('render', () => {
      clearTimeout(timer);
      const src = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = src.width;
      copy.height = src.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return reject(new Error('no 2D canvas'));
      ctx.drawImage(src, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}

/** Word-wraps text to a width. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      out.push(line);
      line = word;
    } else line = next;
  }
  if (line) out.push(line);
  return out;
}

export async function snapshotCanvas(map: MapLibreMap, text: SnapshotText): Promise<HTMLCanvasElement> {
  const frame = await grabFrame(map);
  const scale = frame.width / Math.max(1, map.getCanvas().clientWidth || frame.width);
  const W = frame.width;
  const pad = 10 * scale;
  const font = (px: number, bold = false): string => `${bold ? '600 ' : ''}${Math.round(px * scale)}px system-ui, sans-serif`;

  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');
  measure.font = font(13);
  const captionLines = text.caption.flatMap((c) => wrap(measure, c, W - 2 * pad));
  measure.font = font(11);
  const attrLines = wrap(measure, text.attribution, W - 2 * pad);
  const lineH = 17 * scale;
  const footer = pad * 2 + captionLines.length * lineH + attrLines.length * 14 * scale;

  const out = document.createElement('canvas');
  out.width = W;
  out.height = frame.height + footer;
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(frame, 0, 0);

  // Legend box, top left of the map.
  const entries = text.legend;
  const rowH = 18 * scale;
  ctx.font = font(12);
  const labelW = Math.max(80 * scale, ...entries.map((e) => ctx.measureText(e.legend.label).width));
  const boxW = Math.min(W * 0.6, labelW + 44 * scale);
  const boxH = pad + 18 * scale + entries.length * rowH;
  ctx.fillStyle = 'rgba(255,255,255,0.92)';
  ctx.strokeStyle = '#999';
  ctx.fillRect(pad, pad, boxW, boxH);
  ctx.strokeRect(pad, pad, boxW, boxH);
  ctx.fillStyle = '#111';
  ctx.font = font(12, true);
  ctx.textBaseline = 'middle';
  ctx.fillText('Legend', pad * 2, pad + 10 * scale);
  ctx.font = font(12);
  entries.forEach((e, i) => {
    const y = pad + 18 * scale + i * rowH + rowH / 2;
    const x = pad * 2;
    const s = e.legend.symbol;
    ctx.save();
    if (s.shape === 'line') {
      ctx.strokeStyle = s.color;
      ctx.lineWidth = Math.min(s.width, 5) * scale;
      if (s.dashed) ctx.setLineDash([5 * scale, 3 * scale]);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + 24 * scale, y);
      ctx.stroke();
    } else if (s.shape === 'fill') {
      ctx.globalAlpha = Math.max(0.25, s.opacity ?? 0.3);
      ctx.fillStyle = s.color;
      ctx.fillRect(x, y - 6 * scale, 24 * scale, 12 * scale);
      ctx.globalAlpha = 1;
      ctx.strokeStyle = s.outline ?? s.color;
      if (s.dashed) ctx.setLineDash([3 * scale, 2 * scale]);
      ctx.strokeRect(x, y - 6 * scale, 24 * scale, 12 * scale);
    } else {
      ctx.beginPath();
      ctx.arc(x + 12 * scale, y, (s.size / 2) * scale, 0, Math.PI * 2);
      ctx.fillStyle = s.hollow ? '#fff' : s.color;
      ctx.fill();
      ctx.strokeStyle = s.stroke;
      ctx.lineWidth = 2 * scale;
      ctx.stroke();
    }
    ctx.restore();
    ctx.fillStyle = '#111';
    ctx.fillText(e.legend.label, x + 30 * scale, y, boxW - 40 * scale);
  });

  // Caption and attribution below the map.
  ctx.textBaseline = 'top';
  let y = frame.height + pad;
  ctx.fillStyle = '#111';
  ctx.font = font(13);
  for (const l of captionLines) {
    ctx.fillText(l, pad, y);
    y += lineH;
  }
  ctx.fillStyle = '#555';
  ctx.font = font(11);
  for (const l of attrLines) {
    ctx.fillText(l, pad, y);
    y += 14 * scale;
  }
  return out;
}

export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}

/** Saves a blob through a temporary object URL. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Plain-text attribution from the style's sources (any markup removed). */
export function styleAttribution(map: MapLibreMap): string {
  const sources = map.getStyle()?.sources ?? {};
  const parts = new Set<string>();
  for (const s of Object.values(sources)) {
    const a = (s as { attribution?: unknown }).attribution;
    if (typeof a === 'string' && a.trim()) parts.add(a.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim());
  }
  return [...parts].join(' · ');
}

// Registers only the Chart.js pieces the dashboard uses (keeps the chart chunk small), plus the
// IKM grade-band plugin that paints A/B/C/D bands behind the plot.
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';
import { IKM_BANDS } from '../lib/palette.js';

Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Filler);
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'system-ui';
Chart.defaults.color = '#5d6b7a';
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false; // first chart must draw within 1 s; motion adds nothing in a meeting

export const gradeBands: Plugin = {
  id: 'gradeBands',
  beforeDatasetsDraw(chart) {
    const y = chart.scales.y;
    const { ctx, chartArea } = chart;
    if (!y || !chartArea) return;
    ctx.save();
    for (const band of IKM_BANDS) {
      const top = y.getPixelForValue(Math.min(band.to, y.max));
      const bottom = y.getPixelForValue(Math.max(band.from, y.min));
      if (bottom <= top) continue;
      ctx.fillStyle = band.color;
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top);
      ctx.fillStyle = 'rgba(60,70,80,.55)';
      ctx.font = '600 11px system-ui';
      ctx.fillText(band.grade, chartArea.right - 14, top + 13);
    }
    ctx.restore();
  },
};

export { Chart };

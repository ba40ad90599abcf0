import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

export type PactChartProps =
  | {
      kind: 'stacked';
      /** One segment per status, already in words, with its colour. */
      segments: readonly { label: string; value: number; colour: string }[];
      ariaLabel: string;
    }
  | {
      kind: 'line';
      /** One point per day, the day already in words. */
      points: readonly { label: string; value: number }[];
      ariaLabel: string;
    };

/**
 * The pacts' charts (Chart.js, in their own lazily loaded chunk): the commitments by status as one stacked bar, and the
 * network's size over time as a line. The canvas is an image with a label; the page gives the same numbers as a table
 * or a list beside it, for screen readers, keyboards and print.
 */
export default function PactChart(props: PactChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // Drawn again only when the numbers or words change, not on every render of the page.
  const drawn = JSON.stringify(props);
  useEffect(() => {
    if (!canvasRef.current) return;
    const chart =
      props.kind === 'stacked'
        ? new Chart(canvasRef.current, {
            type: 'bar',
            data: { labels: [''], datasets: props.segments.map((segment) => ({ label: segment.label, data: [segment.value], backgroundColor: segment.colour, borderWidth: 1 })) },
            options: {
              indexAxis: 'y',
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } },
              plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${item.dataset.label ?? ''}: ${String(item.raw)}` } } },
            },
          })
        : new Chart(canvasRef.current, {
            type: 'line',
            data: { labels: props.points.map((point) => point.label), datasets: [{ data: props.points.map((point) => point.value), borderColor: '#0066cc', backgroundColor: '#0066cc', stepped: true }] },
            options: {
              animation: false,
              responsive: true,
              maintainAspectRatio: false,
              scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
              plugins: { legend: { display: false } },
            },
          });
    return () => chart.destroy();
  }, [drawn]);
  return (
    <div className="app-chart" style={{ height: props.kind === 'stacked' ? '96px' : '260px' }}>
      <canvas ref={canvasRef} role="img" aria-label={props.ariaLabel} />
    </div>
  );
}

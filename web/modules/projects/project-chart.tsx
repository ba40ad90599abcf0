import { useEffect, useRef } from 'react';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, LinearScale, Tooltip } from 'chart.js';
import { colourOfSlice, type ChartSlice } from './project-chart-data';

Chart.register(ArcElement, BarController, BarElement, CategoryScale, DoughnutController, LinearScale, Tooltip);

export interface ProjectChartProps {
  kind: 'doughnut' | 'bar';
  slices: readonly ChartSlice[];
  ariaLabel: string;
  /** The value in words for the tooltip ("1.234,56 €", "3 organizzazioni"). */
  formatValue: (value: number) => string;
}

/**
 * A doughnut or horizontal bar chart of a project's slices (Chart.js, in its own lazily loaded chunk). The canvas is an
 * image with a label; the table beside it carries the same numbers for screen readers, keyboards and print.
 */
export default function ProjectChart({ kind, slices, ariaLabel, formatValue }: ProjectChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = new Chart(canvasRef.current, {
      type: kind,
      data: {
        labels: slices.map((slice) => slice.label),
        datasets: [{ data: slices.map((slice) => slice.value), backgroundColor: slices.map((_slice, index) => colourOfSlice(index)), borderWidth: 1 }],
      },
      options: {
        ...(kind === 'bar' ? { indexAxis: 'y' as const, scales: { x: { beginAtZero: true, ticks: { callback: (value: string | number) => formatValue(Number(value)) } } } } : {}),
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => formatValue(Number(item.raw)) } } },
      },
    });
    return () => chart.destroy();
  }, [kind, slices, formatValue]);
  const height = kind === 'bar' ? Math.max(120, slices.length * 32 + 40) : 220;
  return (
    <div className="app-chart" style={{ height: `${height}px` }}>
      <canvas ref={canvasRef} role="img" aria-label={ariaLabel} />
    </div>
  );
}

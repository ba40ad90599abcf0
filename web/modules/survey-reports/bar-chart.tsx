import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChartProps {
  labels: string[];
  /** null: a hidden small cell, drawn as an empty bar (the table says "< 3"). */
  values: (number | null)[];
  ariaLabel: string;
}

/**
 * A horizontal bar chart (Chart.js, in its own lazily loaded chunk). The canvas is an image with a label; the table
 * next to it carries the same numbers for screen readers, keyboard users and print.
 */
export default function BarChart({ labels, values, ariaLabel }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = new Chart(canvasRef.current, {
      type: 'bar',
      data: { labels, datasets: [{ data: values.map((value) => value ?? 0), backgroundColor: '#0066cc', borderRadius: 2 }] },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    return () => chart.destroy();
  }, [labels, values]);
  return (
    <div className="report-chart" style={{ height: `${Math.max(120, labels.length * 28 + 40)}px` }}>
      <canvas ref={canvasRef} role="img" aria-label={ariaLabel} />
    </div>
  );
}

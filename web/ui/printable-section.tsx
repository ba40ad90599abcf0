import type { ReactNode } from 'react';
import './printable.css';

/** A section of a page that is also printed (a project, a pact): a titled region, kept on one sheet when it fits. */
export function PrintableSection({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="app-section border-top pt-3 mt-4" id={id}>
      <div className="d-flex flex-wrap justify-content-between align-items-baseline gap-2">
        <h2 id={`${id}-heading`} className="h4">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A form inside such a section: a bordered block with its own heading, named for assistive technologies; not printed. */
export function SectionForm({ id, title, onSubmit, children }: { id: string; title: string; onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      aria-labelledby={`${id}-heading`}
      className="border rounded p-3 my-3 app-no-print"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <h3 id={`${id}-heading`} className="h5">
        {title}
      </h3>
      {children}
    </form>
  );
}

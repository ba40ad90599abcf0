import type { ReactNode } from 'react';

export interface NoticeProps {
  color: 'info' | 'success' | 'warning' | 'danger';
  /**
   * `alert` announces at once (errors), `status` politely (confirmations), `note` not at all (static remarks).
   * design-react-kit's Alert is always role="alert", which is too loud for notes shown on page load.
   */
  role: 'alert' | 'status' | 'note';
  className?: string;
  children: ReactNode;
}

/** A Bootstrap Italia alert box with the ARIA role that fits its message. */
export function Notice({ color, role, className, children }: NoticeProps) {
  return (
    <div className={`alert alert-${color}${className ? ` ${className}` : ''}`} role={role}>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import './EmptyState.css';

export function EmptyState({
  icon,
  title,
  children,
  actions,
}: {
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="empty">
      <span className="empty-icon">{icon}</span>
      <h3 className="empty-title">{title}</h3>
      <p className="empty-text">{children}</p>
      {actions && <div className="toolbar">{actions}</div>}
    </div>
  );
}

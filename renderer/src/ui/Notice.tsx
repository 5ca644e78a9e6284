import type { ReactNode } from 'react';
import { AlertIcon, CheckIcon, InfoIcon, ShieldAlertIcon } from './icons';
import './Notice.css';

type Tone = 'info' | 'warning' | 'danger' | 'success';

const ICONS: Record<Tone, () => ReactNode> = { info: InfoIcon, warning: AlertIcon, danger: ShieldAlertIcon, success: CheckIcon };

/** An inline message block. `alert` makes a screen reader announce it when it appears. */
export function Notice({
  tone,
  title,
  children,
  alert = false,
  more,
}: {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  alert?: boolean;
  /** Below the message: block content (a disclosure) that a paragraph cannot hold. */
  more?: ReactNode;
}) {
  const Icon = ICONS[tone];
  return (
    <div className={`notice notice-${tone}`} role={alert ? 'alert' : undefined}>
      <Icon />
      <div className="notice-body">
        {title && <span className="notice-title">{title}</span>}
        {children && <p>{children}</p>}
        {more}
      </div>
    </div>
  );
}

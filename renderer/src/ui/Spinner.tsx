import './Spinner.css';

export function Spinner() {
  return <span className="spinner" aria-hidden="true" />;
}

/** A loading state a screen reader announces once. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="loading" role="status">
      <Spinner />
      <span>{label}</span>
    </div>
  );
}

/** A refusal or failure, announced to screen readers as it appears. */
export function ErrorMessage({ children }: { children: string | undefined }) {
  if (!children) return null;
  return (
    <p className="error" role="alert">
      {children}
    </p>
  );
}

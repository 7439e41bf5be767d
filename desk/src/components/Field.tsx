import type { ReactElement } from 'react';

/** What a form control needs to be labelled and to point at its refusal. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}

/**
 * One labelled form control with the API's refusal of its input (`extensions.field`) under
 * it, in the API's words.
 */
export function Field({ id, label, error, control }: { id: string; label: string; error: string | undefined; control: (props: FieldControlProps) => ReactElement }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error !== undefined, 'aria-describedby': error ? errorId : undefined })}
      {error && (
        <p className="field-error" id={errorId}>
          <span lang="en">{error}</span>
        </p>
      )}
    </div>
  );
}

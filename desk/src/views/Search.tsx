import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { checkPersonnummer } from './personnummer';

/**
 * Find a person by personnummer. A bad number is refused here with the API's own words; a
 * good one opens the person's view, with the number kept out of the address bar (it goes
 * in the navigation's state).
 */
export function Search() {
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const id = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkPersonnummer(value);
    if (!checked.ok) {
      setRefusal(checked.reason);
      return;
    }
    setRefusal(null);
    navigate('/person', { state: { personnummer: checked.personnummer } });
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h1 id={`${id}-heading`}>Sök person</h1>
      <form onSubmit={submit} noValidate className="search">
        <label htmlFor={`${id}-pnr`}>Personnummer eller samordningsnummer</label>
        <input
          id={`${id}-pnr`}
          name="personnummer"
          inputMode="numeric"
          autoComplete="off"
          placeholder="ÅÅÅÅMMDD-NNNN"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-invalid={refusal !== null}
          aria-describedby={refusal ? `${id}-refusal` : undefined}
        />
        <button type="submit">Sök</button>
        {refusal && (
          <p id={`${id}-refusal`} className="field-error" role="alert" data-testid="personnummer-error">
            Personnumret godtas inte: <span lang="en" data-testid="personnummer-reason">{refusal}</span>
          </p>
        )}
      </form>
    </section>
  );
}

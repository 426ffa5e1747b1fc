interface UserIdFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** An example id, in the shape the server wants. */
  readonly placeholder: string;
  readonly className?: string;
}

/** A labelled user id input; the server checks the id and says what is wrong with it. */
export function UserIdField({ value, onChange, placeholder, className = 'field' }: UserIdFieldProps) {
  return (
    <label className={className}>
      User id
      <input
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
      />
    </label>
  );
}

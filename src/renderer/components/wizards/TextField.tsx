// A labelled text field with an optional hint or error below it (tied by aria-describedby).
import { useId, type InputHTMLAttributes } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string | null;
  error?: string | null;
  autoFocusField?: boolean;
}

export function TextField({ label, value, onChange, hint, error, autoFocusField, className, ...rest }: TextFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`wizard-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        data-autofocus={autoFocusField ? true : undefined}
        {...rest}
      />
      {hint && (
        <p id={`${id}-hint`} className="wizard-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="wizard-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

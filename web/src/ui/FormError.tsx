import { ApiError } from '../api/client.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

/** A form's submit error, unless it names fields: those are shown on the inputs (form.setErrors). */
export function FormError({ error }: { error: unknown }) {
  if (error == null) return null;
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) return null;
  return <ErrorAlert error={error} />;
}

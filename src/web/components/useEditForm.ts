// The state every edit form of a versioned record keeps: the values typed, the errors per field,
// the record the edit started from (`base`, whose version goes with the save), a notice ("nothing
// changed") or what a save achieved ("saved"), an unexpected failure, and the conflict when
// someone else saved first (409).
import { useState } from 'react';
import { ApiError } from '../api';

export interface Conflict<R> {
  /** The record as the other person saved it. */
  theirs: R;
  /** The server's message. */
  message: string;
}

/** The record the server sends with a 409 ("someone else saved first"), if this error is one. */
export function conflictOf<R>(error: unknown): Conflict<R> | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const current = (error.details as { current?: R } | undefined)?.current;
  return current ? { theirs: current, message: error.message } : null;
}

export function useEditForm<R, V extends object>(initial: R, toForm: (record: R) => V) {
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState<V>(() => toForm(initial));
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict<R> | null>(null);

  return {
    base,
    values,
    errors,
    setErrors,
    saving,
    setSaving,
    failure,
    setFailure,
    notice,
    setNotice,
    done,
    setDone,
    conflict,
    setConflict,
    /** Changes one field (and clears the messages, which spoke of the values before). */
    set: <K extends keyof V>(field: K, value: V[K]) => {
      setValues((v) => ({ ...v, [field]: value }));
      setNotice(null);
      setDone(null);
    },
    /**
     * Starts a submit: clears the messages, shows the errors found and, if there are any, moves the
     * focus to the first wrong field (after React has shown them). True when the values are fine.
     */
    begin: (form: HTMLFormElement, found: Partial<Record<keyof V, string>>): boolean => {
      setFailure(null);
      setNotice(null);
      setDone(null);
      setErrors(found);
      if (Object.keys(found).length === 0) return true;
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return false;
    },
    /** Goes on from `record` (saved, or the newest after a conflict): the form shows it afresh. */
    restart: (record: R) => {
      setBase(record);
      setValues(toForm(record));
      setErrors({});
      setConflict(null);
    },
  };
}

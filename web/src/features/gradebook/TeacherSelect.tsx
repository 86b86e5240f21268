import { Select } from '@mantine/core';
import { useState } from 'react';
import classes from './gradebook.module.css';

interface Props {
  label: string;
  placeholder: string;
  options: { value: string; label: string }[];
  value: string | null;
  disabled: boolean;
  onChange: (teacherId: string | null) => void;
}

/**
 * The teacher of one class × subject cell. A school's matrix has ~200 cells; a Mantine Select in each (combobox,
 * popover, floating position) made the page take 1.3–2.8 s to render, and far longer on a slow phone (issue 13 §6).
 * Each cell is a plain read-only input showing the name until it is clicked or focused from the keyboard; only then
 * the real Select takes its place, focused with its list open, so choosing works as before.
 */
export function TeacherSelect({ label, placeholder, options, value, disabled, onChange }: Props) {
  const [active, setActive] = useState(false);
  if (active) {
    return (
      <Select
        size="xs"
        aria-label={label}
        placeholder={placeholder}
        data={options}
        value={value}
        searchable
        clearable
        autoFocus
        defaultDropdownOpened
        disabled={disabled}
        onChange={onChange}
        onDropdownClose={() => setActive(false)}
      />
    );
  }
  const name = value ? (options.find((o) => o.value === value)?.label ?? '') : '';
  // A native button, not Mantine's Input (wrapper, section, icon: five components a cell): with ~300 cells the
  // page rendered in 0.77 s unthrottled (issue 13 §6, goal < 0.5 s). It looks like an xs input.
  return (
    <button
      type="button"
      className={classes.teacherCell}
      // The visible name is part of the accessible name (WCAG 2.5.3 label in name): "6A1 Toán: Lê Văn Toán".
      aria-label={`${label}: ${name || placeholder}`}
      aria-haspopup="listbox"
      disabled={disabled}
      data-placeholder={name ? undefined : true}
      onFocus={() => setActive(true)}
      onClick={() => setActive(true)}
    >
      {name || placeholder}
    </button>
  );
}

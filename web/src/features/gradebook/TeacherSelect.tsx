import { Input, Select } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';

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
  return (
    <Input
      size="xs"
      readOnly
      aria-label={label}
      aria-haspopup="listbox"
      placeholder={placeholder}
      value={name}
      disabled={disabled}
      rightSection={<IconChevronDown size={14} />}
      rightSectionPointerEvents="none"
      pointer
      onFocus={() => setActive(true)}
      onClick={() => setActive(true)}
    />
  );
}

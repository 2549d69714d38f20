import { InlineCheckbox } from './InlineCheckbox';

/** A named group of checkboxes, one per option, for choosing any number of them (sites, priorities). */
export function CheckboxGroup<T extends string>({
  label,
  options,
  selected,
  labelOf,
  onChange,
  className = 'checks',
}: {
  label: string;
  options: readonly T[];
  selected: readonly T[];
  labelOf: (option: T) => string;
  onChange: (selected: T[]) => void;
  className?: string;
}) {
  return (
    <div className={className} role="group" aria-label={label}>
      {options.map((option) => (
        <InlineCheckbox
          key={option}
          label={labelOf(option)}
          checked={selected.includes(option)}
          onChange={(on) => onChange(toggled(selected, option, on))}
        />
      ))}
    </div>
  );
}

function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((other) => other !== item), item] : list.filter((other) => other !== item);
}

import { prioritySchema, type Priority } from '@/lib/model';
import { useLocalisation } from './i18n';

/** low / normal / high / urgent; `label` names the control (whose conversation it is, where there are several). */
export function PrioritySelect({
  value,
  label,
  testId,
  className,
  onChange,
}: {
  value: Priority;
  label: string;
  testId: string;
  className?: string;
  onChange: (priority: Priority) => void;
}) {
  const { t } = useLocalisation();
  return (
    <select
      className={`priority-select priority-${value}${className ? ` ${className}` : ''}`}
      aria-label={label}
      data-testid={testId}
      data-priority={value}
      value={value}
      onChange={(event) => {
        const parsed = prioritySchema.safeParse(event.target.value);
        if (parsed.success) onChange(parsed.data);
      }}
    >
      {prioritySchema.options.map((priority) => (
        <option key={priority} value={priority}>
          {t(`priority_${priority}`)}
        </option>
      ))}
    </select>
  );
}

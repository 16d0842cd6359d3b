import { useTranslation } from 'react-i18next';

export function useRoleLabel() {
  const { t } = useTranslation();
  return (role: string) => t(`role.${role}`, { defaultValue: role });
}

export function RoleBadges({ roles, testId }: { roles: readonly string[]; testId?: string }) {
  const label = useRoleLabel();
  return (
    <span data-testid={testId} className="inline-flex flex-wrap gap-1.5">
      {roles.map((role) => (
        <span
          key={role}
          data-role={role}
          className="rounded-md bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-indigo-600/10 ring-inset"
        >
          {label(role)}
        </span>
      ))}
    </span>
  );
}

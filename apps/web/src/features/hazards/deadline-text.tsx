import { theme } from 'antd';

/** A deadline, red and bold when the hazard is overdue. */
export function DeadlineText({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  if (!deadline) return <span>—</span>;
  // Only overdue deadlines read the theme: a 200-row ledger page then calls the token hook for
  // the few overdue rows, not for every row.
  return overdue ? <OverdueDeadline deadline={deadline} /> : <span>{deadline}</span>;
}

function OverdueDeadline({ deadline }: { deadline: string }) {
  const { token } = theme.useToken();
  return (
    <span className="hl-deadline-overdue" style={{ color: token.colorError, fontWeight: 600 }}>
      {deadline}
    </span>
  );
}

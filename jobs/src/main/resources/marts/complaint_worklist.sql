-- complaint_worklist: today's list for the complaints team, at the as-at date: every complaint stage
-- still open (no response, not closed or withdrawn), by pseudonymous case reference, with its deadline
-- and the working days left until it (0: due today; negative: overdue by that many). due: OVERDUE,
-- DUE_THIS_WEEK (by the Sunday of the as-at date's week), DUE_LATER, or NO_DEADLINE (a receipt the
-- working-day calendar does not cover).
WITH open_stages AS (
  SELECT c.*, x.as_at_date
  FROM complaint_stages c
  CROSS JOIN as_at x
  WHERE c.response_date IS NULL AND coalesce(c.status, 'OPEN') = 'OPEN'
)
SELECT pseudonym(o.case_ref) AS case_reference, o.procedure, o.stage, o.service_area, o.received_date,
       o.extension_agreed, o.target_working_days, o.deadline,
       due.working_day_seq - today.working_day_seq AS working_days_left,
       CASE WHEN o.deadline IS NULL THEN 'NO_DEADLINE'
            WHEN o.deadline < o.as_at_date THEN 'OVERDUE'
            WHEN o.deadline <= date_add(o.as_at_date, 6 - weekday(o.as_at_date)) THEN 'DUE_THIS_WEEK'
            ELSE 'DUE_LATER' END AS due,
       datediff(o.as_at_date, o.received_date) AS days_open
FROM open_stages o
LEFT JOIN working_days due ON due.date = o.deadline
LEFT JOIN working_days today ON today.date = o.as_at_date

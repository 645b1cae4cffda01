-- commitments_outstanding: for the complaints manager, every commitment not done and not cancelled that
-- is overdue (due before the as-at date), has no owner, or has no due date: the fault the ombudsman
-- found. Named by pseudonymous references (the case, the commitment), never by the CMS's own. Age in
-- days since it was agreed, and days overdue, at the as-at date.
WITH open_commitments AS (
  SELECT * FROM commitments WHERE completed_date IS NULL
),
judged AS (
  SELECT o.*, x.as_at_date,
         coalesce(o.due_date < x.as_at_date, false) AS overdue,
         o.owner_team IS NULL      AS without_owner,
         o.due_date IS NULL        AS without_due_date
  FROM open_commitments o
  CROSS JOIN as_at x
)
SELECT pseudonym(coalesce(case_ref, 'record:' || record_id)) AS case_reference,
       pseudonym('action:' || action_id)                     AS commitment_reference,
       service_area, kind, owner_team, agreed_date, due_date,
       datediff(as_at_date, agreed_date)                     AS age_days,
       CASE WHEN overdue THEN datediff(as_at_date, due_date) ELSE 0 END AS days_overdue,
       overdue, without_owner, without_due_date
FROM judged
WHERE overdue OR without_owner OR without_due_date

-- learning_actions: each learning action still standing (actions.csv kind TRAINING, PROCESS_REVIEW or
-- SERVICE_IMPROVEMENT, not CANCELLED), with its complaint's service area, primary theme, procedure and stage
-- (UNKNOWN service area where the warehouse holds no such record); its owner, agreed, due and completed dates;
-- whether it was done by its due date, or is overdue at the as-at date; and the complaints of the same service
-- area and primary theme received in the 6 and 12 months before it was completed and in the 6 and 12 months
-- after: null until it is done, and an after-window null until its months have passed by the as-at date.
WITH learning AS (
  SELECT a.action_id, a.kind, a.owner_team, a.agreed_date, a.due_date, a.completed_date,
         coalesce(f.service_area, 'UNKNOWN') AS service_area, element_at(f.themes, 1) AS theme,
         f.procedure, f.stage
  FROM actions a
  LEFT JOIN feedback_records f ON f.record_id = a.record_id
  WHERE a.kind IN ('TRAINING', 'PROCESS_REVIEW', 'SERVICE_IMPROVEMENT') AND coalesce(a.status, '') <> 'CANCELLED'
),
complaints AS (
  SELECT service_area, element_at(themes, 1) AS theme, received_date
  FROM feedback_records WHERE feedback_type = 'COMPLAINT'
),
around AS (
  SELECT l.action_id,
         count_if(c.received_date >= add_months(l.completed_date, -6) AND c.received_date < l.completed_date)
           AS before_6,
         count_if(c.received_date >= add_months(l.completed_date, -12) AND c.received_date < l.completed_date)
           AS before_12,
         count_if(c.received_date > l.completed_date AND c.received_date <= add_months(l.completed_date, 6))
           AS after_6,
         count_if(c.received_date > l.completed_date AND c.received_date <= add_months(l.completed_date, 12))
           AS after_12
  FROM learning l
  LEFT JOIN complaints c
    ON l.completed_date IS NOT NULL AND c.service_area = l.service_area AND c.theme <=> l.theme
  GROUP BY l.action_id
)
SELECT financial_year(l.agreed_date) AS financial_year, l.kind, l.service_area, l.theme, l.procedure, l.stage,
       l.owner_team, l.agreed_date, l.due_date, l.completed_date,
       l.completed_date IS NOT NULL AND (l.due_date IS NULL OR l.completed_date <= l.due_date) AS done_on_time,
       l.completed_date IS NULL AND l.due_date < (SELECT as_at_date FROM as_at) AS overdue,
       CASE WHEN l.completed_date IS NOT NULL THEN a.before_12 END AS complaints_12_months_before,
       CASE WHEN l.completed_date IS NOT NULL THEN a.before_6 END AS complaints_6_months_before,
       CASE WHEN add_months(l.completed_date, 6) <= (SELECT as_at_date FROM as_at) THEN a.after_6 END
         AS complaints_6_months_after,
       CASE WHEN add_months(l.completed_date, 12) <= (SELECT as_at_date FROM as_at) THEN a.after_12 END
         AS complaints_12_months_after
FROM learning l
JOIN around a ON a.action_id = l.action_id

-- complaint_worklist: today's list for the complaints team, at the as-at date: every complaint stage
-- still open (no response, not closed or withdrawn), by pseudonymous case reference, with its deadline
-- and the working days left until it (0: due today; negative: overdue by that many). due: OVERDUE,
-- DUE_THIS_WEEK (by the Sunday of the as-at date's week), DUE_LATER, or NO_DEADLINE (a receipt the
-- working-day calendar does not cover). Where the Ombudsman's Complaint Handling Code applies (complaint_code):
-- acknowledgement_due, the Code's last day to acknowledge a stage not yet acknowledged, and code_response_due,
-- its last day to answer (from the acknowledgement, or receipt, plus the extension where one was agreed).
WITH open_stages AS (
  SELECT c.*, x.as_at_date
  FROM complaint_stages c
  CROSS JOIN as_at x
  WHERE c.response_date IS NULL AND coalesce(c.status, 'OPEN') = 'OPEN'
),
coded AS (
  SELECT o.*, k.acknowledge_working_days,
         k.respond_working_days + CASE WHEN o.extension_agreed THEN k.extension_working_days ELSE 0 END
           AS code_working_days,
         CASE WHEN k.respond_from = 'ACKNOWLEDGED' THEN coalesce(o.acknowledged_date, o.received_date)
              ELSE o.received_date END AS code_clock_start
  FROM open_stages o
  LEFT JOIN complaint_code k
    ON k.procedure = o.procedure AND k.stage = o.stage
   AND o.received_date >= k.valid_from AND (k.valid_to IS NULL OR o.received_date <= k.valid_to)
)
SELECT pseudonym(o.case_ref) AS case_reference, o.procedure, o.stage, o.service_area, o.received_date,
       o.extension_agreed, o.target_working_days, o.deadline,
       due.working_day_seq - today.working_day_seq AS working_days_left,
       CASE WHEN o.deadline IS NULL THEN 'NO_DEADLINE'
            WHEN o.deadline < o.as_at_date THEN 'OVERDUE'
            WHEN o.deadline <= date_add(o.as_at_date, 6 - weekday(o.as_at_date)) THEN 'DUE_THIS_WEEK'
            ELSE 'DUE_LATER' END AS due,
       datediff(o.as_at_date, o.received_date) AS days_open,
       CASE WHEN o.acknowledged_date IS NULL THEN acknowledge_by.date END AS acknowledgement_due,
       respond_by.date AS code_response_due
FROM coded o
LEFT JOIN working_days due ON due.date = o.deadline
LEFT JOIN working_days today ON today.date = o.as_at_date
LEFT JOIN working_days received ON received.date = o.received_date
LEFT JOIN working_days acknowledge_by
  ON acknowledge_by.is_working_day
 AND acknowledge_by.working_day_seq = received.working_day_seq + o.acknowledge_working_days
LEFT JOIN working_days started ON started.date = o.code_clock_start
LEFT JOIN working_days respond_by
  ON respond_by.is_working_day AND respond_by.working_day_seq = started.working_day_seq + o.code_working_days

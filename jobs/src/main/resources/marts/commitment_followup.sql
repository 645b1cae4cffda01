-- commitment_followup: commitments made in complaint responses (actions.csv) and whether they were
-- kept, by the financial year they were agreed and the service area of their feedback record
-- (UNKNOWN where that record does not exist). CANCELLED commitments do not count. "Overdue" is
-- taken at the warehouse's as-at date.
SELECT financial_year(agreed_date)                                          AS financial_year,
       service_area,
       count(*)                                                             AS made,
       count_if(owner_team IS NULL)                                         AS without_owner,
       count_if(due_date IS NULL)                                           AS without_due_date,
       count_if(completed_date IS NOT NULL)                                 AS done,
       count_if(completed_date > due_date)                                  AS done_late,
       count_if(completed_date IS NULL AND due_date < (SELECT as_at_date FROM as_at)) AS open_overdue
FROM commitments
GROUP BY 1, 2

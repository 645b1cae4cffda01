-- learning_summary: the learning actions (learning_actions) by the financial year they were agreed and their
-- kind: agreed, done, done by their due date, and overdue at the as-at date.
SELECT financial_year, kind,
       count(*) AS agreed,
       count_if(completed_date IS NOT NULL) AS done,
       count_if(done_on_time) AS done_on_time,
       count_if(overdue) AS overdue
FROM learning_actions
GROUP BY financial_year, kind

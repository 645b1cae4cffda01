-- ombudsman_year: the Ombudsman section's year figures as the report prints them ("worked with 38
-- enquiries: 9 received in a previous year, 15 ongoing at the year's end; a final decision for 23:
-- 1 not upheld, 3 partially upheld, 5 upheld, 14 outside of remit"): lgo_caseload and lgo_outcomes
-- added up over service areas. A mart of its own so that the public release can publish these
-- one-way totals exactly while the service areas under them are protected.
WITH caseload AS (
  SELECT financial_year, sum(carried_in) AS carried_in, sum(received) AS received,
         sum(worked_with) AS worked_with, sum(decided) AS decided,
         sum(open_at_year_end) AS open_at_year_end
  FROM lgo_caseload
  GROUP BY financial_year
),
outcomes AS (
  SELECT financial_year, sum(upheld) AS upheld, sum(partially_upheld) AS partially_upheld,
         sum(not_upheld) AS not_upheld, sum(outside_remit) AS outside_remit
  FROM lgo_outcomes
  GROUP BY financial_year
)
SELECT coalesce(c.financial_year, o.financial_year) AS financial_year,
       coalesce(c.carried_in, 0) AS carried_in,
       coalesce(c.received, 0) AS received,
       coalesce(c.worked_with, 0) AS worked_with,
       coalesce(c.decided, 0) AS decided,
       coalesce(c.open_at_year_end, 0) AS open_at_year_end,
       coalesce(o.upheld, 0) AS upheld,
       coalesce(o.partially_upheld, 0) AS partially_upheld,
       coalesce(o.not_upheld, 0) AS not_upheld,
       coalesce(o.outside_remit, 0) AS outside_remit
FROM caseload c
FULL OUTER JOIN outcomes o ON c.financial_year = o.financial_year

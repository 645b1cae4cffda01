-- complaint_outcomes: complaints concluded in the year (by response_date), by how they ended.
WITH concluded AS (
  SELECT financial_year(response_date) AS financial_year, procedure, stage, service_area, outcome
  FROM complaint_stages
  WHERE response_date IS NOT NULL
)
SELECT financial_year, procedure, stage, service_area,
       count(*)                               AS concluded,
       count_if(outcome = 'UPHELD')           AS upheld,
       count_if(outcome = 'PARTIALLY_UPHELD') AS partially_upheld,
       count_if(outcome = 'NOT_UPHELD')       AS not_upheld,
       count_if(outcome = 'WITHDRAWN')        AS withdrawn
FROM concluded
GROUP BY financial_year, procedure, stage, service_area

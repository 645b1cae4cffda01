-- feedback_by_quarter: the report's Graph 1. Feedback received in each quarter of each financial year
-- holding any record, by measure (the At a Glance measures and the other kinds of feedback), zero where
-- none; quarters after the as-at date are left out.
WITH quarters AS (
  SELECT y.financial_year, q.quarter, add_months(y.year_start, (q.quarter - 1) * 3) AS quarter_start
  FROM financial_years y
  CROSS JOIN (SELECT explode(sequence(1, 4)) AS quarter) q
  WHERE y.financial_year IN (SELECT financial_year FROM feedback_received)
),
counted AS (
  SELECT financial_year, quarter, measure, count(*) AS records
  FROM feedback_received
  GROUP BY financial_year, quarter, measure
)
SELECT q.financial_year, q.quarter, q.quarter_start, m.measure, coalesce(c.records, 0) AS records
FROM quarters q
CROSS JOIN feedback_measures m
LEFT JOIN counted c ON c.financial_year = q.financial_year AND c.quarter = q.quarter AND c.measure = m.measure
WHERE q.quarter_start <= (SELECT as_at_date FROM as_at)

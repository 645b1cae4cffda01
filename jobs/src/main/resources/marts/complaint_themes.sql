-- complaint_themes: COMPLAINT and ENQUIRY rows received in the year, by primary theme (the first
-- listed); share of all such rows received in the year, rounded to 4 decimals.
WITH received AS (
  SELECT financial_year(received_date) AS financial_year, element_at(themes, 1) AS theme
  FROM feedback_records
  WHERE feedback_type IN ('COMPLAINT', 'ENQUIRY')
),
per_theme AS (
  SELECT financial_year, theme, count(*) AS records
  FROM received
  GROUP BY financial_year, theme
)
SELECT financial_year, theme, records,
       round(records / sum(records) OVER (PARTITION BY financial_year), 4) AS share
FROM per_theme

-- lgo_decisions_by_theme: the ombudsman's decisions in the year (response_date of LGO_ENQUIRY rows), by
-- the enquiry's primary theme, by outcome; share: of all decisions in the year, rounded to 4 decimals.
WITH decided AS (
  SELECT financial_year(response_date) AS financial_year, element_at(themes, 1) AS theme, outcome
  FROM feedback_records
  WHERE feedback_type = 'LGO_ENQUIRY' AND response_date IS NOT NULL
)
SELECT financial_year, theme,
       count(*)                               AS decided,
       count_if(outcome = 'UPHELD')           AS upheld,
       count_if(outcome = 'PARTIALLY_UPHELD') AS partially_upheld,
       count_if(outcome = 'NOT_UPHELD')       AS not_upheld,
       count_if(outcome = 'OUTSIDE_REMIT')    AS outside_remit,
       round(count(*) / sum(count(*)) OVER (PARTITION BY financial_year), 4) AS share
FROM decided
GROUP BY financial_year, theme

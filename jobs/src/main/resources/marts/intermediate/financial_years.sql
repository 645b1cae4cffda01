-- financial_years: every financial year from the first record received to the as-at date's, with its
-- first and last day ('2022-23': 2022-04-01 to 2023-03-31), and the year before it ('2021-22').
WITH first_record AS (
  SELECT coalesce(min(received_date), (SELECT as_at_date FROM as_at)) AS first FROM feedback_records
),
year_starts AS (
  SELECT explode(sequence(make_date(year(first) - CASE WHEN month(first) < 4 THEN 1 ELSE 0 END, 4, 1),
                          (SELECT as_at_date FROM as_at), INTERVAL 1 YEAR)) AS year_start
  FROM first_record
)
SELECT financial_year(year_start) AS financial_year, year_start, date_sub(add_months(year_start, 12), 1) AS year_end,
       financial_year(add_months(year_start, -12)) AS previous_financial_year
FROM year_starts

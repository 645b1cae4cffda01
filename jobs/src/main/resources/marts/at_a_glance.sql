-- at_a_glance: the front page of the annual report. One row per financial year and measure:
-- records received in the year, and the same measure the year before (null only when the
-- warehouse holds no record at all for that year).
WITH years_with_records AS (
  SELECT DISTINCT financial_year FROM feedback_received
),
measures AS (
  SELECT measure FROM feedback_measures WHERE at_a_glance
),
counted AS (
  SELECT financial_year, measure, count(*) AS value
  FROM feedback_received
  GROUP BY financial_year, measure
),
every_measure_every_year AS (
  SELECT y.financial_year, m.measure, coalesce(c.value, 0) AS value
  FROM years_with_records y
  CROSS JOIN measures m
  LEFT JOIN counted c ON c.financial_year = y.financial_year AND c.measure = m.measure
)
SELECT this_year.financial_year, this_year.measure, this_year.value,
       year_before.value AS previous_year_value
FROM every_measure_every_year this_year
LEFT JOIN financial_years y ON y.financial_year = this_year.financial_year
LEFT JOIN every_measure_every_year year_before
  ON year_before.measure = this_year.measure AND year_before.financial_year = y.previous_financial_year

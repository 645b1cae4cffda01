-- other_feedback: the kinds of feedback the team handles outside the complaints procedure and the At a
-- Glance page (resolving professional differences, correspondence, safeguarding partnership board,
-- Social Work England, representations), received in the year, with the year before.
WITH received AS (
  SELECT q.financial_year, q.measure AS kind, sum(q.records) AS received
  FROM feedback_by_quarter q
  JOIN feedback_measures m ON m.measure = q.measure AND NOT m.at_a_glance
  GROUP BY q.financial_year, q.measure
)
SELECT this_year.financial_year, this_year.kind, this_year.received,
       year_before.received AS previous_year_value
FROM received this_year
LEFT JOIN financial_years y ON y.financial_year = this_year.financial_year
LEFT JOIN received year_before
  ON year_before.kind = this_year.kind AND year_before.financial_year = y.previous_financial_year

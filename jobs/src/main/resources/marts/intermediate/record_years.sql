-- record_years: each current feedback record in every financial year it was in hand: a row per record
-- and year it was received in or carried into (received before the year and not answered before the
-- year began); none for the years after it was answered. received: it was received in the year;
-- carried_in: carried into the year; answered: answered in the year; open_at_year_end: not answered
-- by the year's end.
SELECT y.financial_year, y.year_start, y.year_end, f.*,
       f.received_date >= y.year_start                                                AS received,
       f.received_date < y.year_start
         AND (f.response_date IS NULL OR f.response_date >= y.year_start)            AS carried_in,
       coalesce(f.response_date BETWEEN y.year_start AND y.year_end, false)          AS answered,
       f.response_date IS NULL OR f.response_date > y.year_end                       AS open_at_year_end
FROM financial_years y
JOIN feedback_records f
  ON f.received_date <= y.year_end AND (f.response_date IS NULL OR f.response_date >= y.year_start)

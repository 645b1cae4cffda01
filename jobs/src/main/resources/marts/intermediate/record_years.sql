-- record_years: each current feedback record in every financial year it was in hand, from the year
-- it was received on (a row per record and year whose end is on or after its receipt). received: it
-- was received in the year; carried_in: received before the year and not answered before the year
-- began; answered: answered in the year; open_at_year_end: not answered by the year's end.
SELECT y.financial_year, y.year_start, y.year_end, f.*,
       f.received_date >= y.year_start                                                AS received,
       f.received_date < y.year_start
         AND (f.response_date IS NULL OR f.response_date >= y.year_start)            AS carried_in,
       coalesce(f.response_date BETWEEN y.year_start AND y.year_end, false)          AS answered,
       f.response_date IS NULL OR f.response_date > y.year_end                       AS open_at_year_end
FROM financial_years y
JOIN feedback_records f ON f.received_date <= y.year_end

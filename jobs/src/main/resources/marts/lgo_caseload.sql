-- lgo_caseload: the ombudsman enquiries the team worked with in the year, by service area: carried in
-- (received before the year, no decision before it began), received in the year, worked with (carried
-- in + received), decided in the year, and still open at the year's end (no decision by then; for the
-- year of the as-at date, no decision yet). worked_with = decided + open_at_year_end.
WITH lgo AS (
  SELECT * FROM feedback_records WHERE feedback_type = 'LGO_ENQUIRY'
),
in_year AS (
  SELECT y.financial_year, l.service_area,
         l.received_date < y.year_start AND (l.response_date IS NULL OR l.response_date >= y.year_start) AS carried_in,
         l.received_date >= y.year_start                                         AS received,
         l.response_date BETWEEN y.year_start AND y.year_end                     AS decided,
         l.response_date IS NULL OR l.response_date > y.year_end                 AS open_at_year_end
  FROM financial_years y
  JOIN lgo l ON l.received_date <= y.year_end
)
SELECT financial_year, service_area,
       count_if(carried_in)              AS carried_in,
       count_if(received)                AS received,
       count_if(carried_in OR received)  AS worked_with,
       count_if(decided)                 AS decided,
       count_if((carried_in OR received) AND open_at_year_end) AS open_at_year_end
FROM in_year
GROUP BY financial_year, service_area
HAVING count_if(carried_in OR received) > 0

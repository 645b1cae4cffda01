-- lgo_caseload: the ombudsman enquiries the team worked with in the year, by service area: carried in
-- (received before the year, no decision before it began), received in the year, worked with (carried
-- in + received), decided in the year, and still open at the year's end (no decision by then; for the
-- year of the as-at date, no decision yet). worked_with = decided + open_at_year_end.
WITH in_year AS (
  SELECT financial_year, service_area, carried_in, received, answered AS decided, open_at_year_end
  FROM record_years
  WHERE feedback_type = 'LGO_ENQUIRY'
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

-- complaint_timeliness: complaints responded to in the year (by response_date); of those, how many
-- had an agreed extension, and how many were answered after their deadline (the extended one where
-- extended). A stage whose deadline falls outside the calendar's years is not counted as late.
WITH responded AS (
  SELECT financial_year(response_date) AS financial_year, procedure, stage, service_area,
         extension_agreed, response_date, deadline
  FROM complaint_stages
  WHERE response_date IS NOT NULL
)
SELECT financial_year, procedure, stage, service_area,
       count(*)                             AS responded,
       count_if(extension_agreed)           AS extended,
       count_if(response_date > deadline)   AS outside_timescale
FROM responded
GROUP BY financial_year, procedure, stage, service_area

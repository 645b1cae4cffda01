-- complaint_response_times: complaint rows answered in the year (by response_date), how many were
-- extended and sent outside their timescale, and the working days they took (received_date to
-- response_date, as the deadline counts them): median and 90th percentile, interpolated between the
-- nearest ranks. One row per breakdown: `all` (the year), `procedure+stage`, `service_area`, `month`,
-- and `month+procedure+stage+service_area`; the columns a breakdown does not use are null.
WITH responded AS (
  SELECT financial_year(response_date)          AS financial_year,
         date_format(response_date, 'yyyy-MM')  AS month,
         procedure, stage, service_area, extension_agreed,
         response_date > deadline               AS late,
         working_days_taken
  FROM complaint_stages
  WHERE response_date IS NOT NULL
),
grouped AS (
  SELECT financial_year, month, procedure, stage, service_area,
         grouping(month) AS g_month, grouping(procedure) AS g_procedure, grouping(service_area) AS g_area,
         count(*)                                   AS responded,
         count_if(extension_agreed)                 AS extended,
         count_if(late)                             AS outside_timescale,
         percentile(working_days_taken, 0.5)        AS median_working_days,
         percentile(working_days_taken, 0.9)        AS p90_working_days
  FROM responded
  GROUP BY GROUPING SETS ((financial_year), (financial_year, procedure, stage), (financial_year, service_area),
                          (financial_year, month), (financial_year, month, procedure, stage, service_area))
)
SELECT financial_year,
       coalesce(nullif(concat_ws('+', CASE WHEN g_month = 0 THEN 'month' END,
                                      CASE WHEN g_procedure = 0 THEN 'procedure+stage' END,
                                      CASE WHEN g_area = 0 THEN 'service_area' END), ''), 'all') AS breakdown,
       month, procedure, stage, service_area,
       responded, extended, outside_timescale,
       round(outside_timescale / responded, 4) AS outside_timescale_share,
       median_working_days, p90_working_days
FROM grouped

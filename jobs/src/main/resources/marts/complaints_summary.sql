-- complaints_summary: the report's Complaints page, one row per financial year. Received: complaint
-- rows received in the year (stages 2 and 3 among them; by young people, and of those with an
-- advocate). Concluded: complaint rows answered in the year, by outcome with its share of those
-- concluded; reopened: stage 1 complaints answered in the year flagged reopened, as a share of stage 1
-- complaints answered in the year; extended and outside timescale, as in complaint_timeliness.
-- Shares are fractions rounded to 4 decimals, null when nothing was concluded.
WITH received AS (
  SELECT financial_year(received_date) AS financial_year,
         count(*)                                                                     AS received,
         count_if(stage = 2)                                                          AS received_stage2,
         count_if(stage = 3)                                                          AS received_stage3,
         count_if(complainant_role = 'YOUNG_PERSON')                                  AS by_young_people,
         count_if(complainant_role = 'YOUNG_PERSON' AND with_advocate)                AS young_people_with_advocate,
         count_if(non_resident_parent)                                                AS by_non_resident_parents
  FROM complaint_stages
  GROUP BY 1
),
concluded AS (
  SELECT financial_year(response_date) AS financial_year,
         count(*)                                AS concluded,
         count_if(outcome = 'UPHELD')            AS upheld,
         count_if(outcome = 'PARTIALLY_UPHELD')  AS partially_upheld,
         count_if(outcome = 'NOT_UPHELD')        AS not_upheld,
         count_if(outcome = 'WITHDRAWN')         AS withdrawn,
         count_if(stage = 1)                     AS stage1_concluded,
         count_if(stage = 1 AND reopened)        AS reopened,
         count_if(extension_agreed)              AS extended,
         count_if(response_date > deadline)      AS outside_timescale
  FROM complaint_stages
  WHERE response_date IS NOT NULL
  GROUP BY 1
),
joined AS (
  SELECT y.financial_year,
         coalesce(r.received, 0) AS received, coalesce(r.received_stage2, 0) AS received_stage2,
         coalesce(r.received_stage3, 0) AS received_stage3, coalesce(r.by_young_people, 0) AS by_young_people,
         coalesce(r.young_people_with_advocate, 0) AS young_people_with_advocate,
         coalesce(r.by_non_resident_parents, 0) AS by_non_resident_parents,
         coalesce(c.concluded, 0) AS concluded, coalesce(c.upheld, 0) AS upheld,
         coalesce(c.partially_upheld, 0) AS partially_upheld, coalesce(c.not_upheld, 0) AS not_upheld,
         coalesce(c.withdrawn, 0) AS withdrawn, coalesce(c.stage1_concluded, 0) AS stage1_concluded,
         coalesce(c.reopened, 0) AS reopened, coalesce(c.extended, 0) AS extended,
         coalesce(c.outside_timescale, 0) AS outside_timescale
  FROM financial_years y
  LEFT JOIN received r ON r.financial_year = y.financial_year
  LEFT JOIN concluded c ON c.financial_year = y.financial_year
)
SELECT financial_year, received, received_stage2, received_stage3, by_young_people, young_people_with_advocate,
       by_non_resident_parents, concluded,
       upheld,            round(upheld / nullif(concluded, 0), 4)             AS upheld_share,
       partially_upheld,  round(partially_upheld / nullif(concluded, 0), 4)   AS partially_upheld_share,
       not_upheld,        round(not_upheld / nullif(concluded, 0), 4)         AS not_upheld_share,
       withdrawn,         round(withdrawn / nullif(concluded, 0), 4)          AS withdrawn_share,
       stage1_concluded,
       reopened,          round(reopened / nullif(stage1_concluded, 0), 4)    AS reopened_share,
       extended,          round(extended / nullif(concluded, 0), 4)           AS extended_share,
       outside_timescale, round(outside_timescale / nullif(concluded, 0), 4)  AS outside_timescale_share
FROM joined

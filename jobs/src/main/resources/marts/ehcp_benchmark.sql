-- ehcp_benchmark: DfE's SEN2 statistics as published, for every council (local authority) and
-- calendar year: new plans issued, the share issued within 20 weeks (with and without exceptions),
-- requests for assessment received, and plans maintained at the January census; with England's and the
-- council's region's figure, and the council's rank among councils with a figure (1 = the highest).
-- is_council marks the council the warehouse belongs to (ccft.council.la-code). A figure DfE did not
-- publish is null, with DfE's marker (x not available, c suppressed, z not applicable).
WITH councils AS (
  SELECT * FROM dfe_sen2 WHERE geographic_level = 'Local authority'
),
ranked AS (
  SELECT c.*,
         CASE WHEN c.value IS NOT NULL
              THEN rank() OVER (PARTITION BY c.calendar_year, c.measure
                                ORDER BY c.value IS NULL, c.value DESC) END          AS rank,
         count(c.value) OVER (PARTITION BY c.calendar_year, c.measure)              AS councils_ranked
  FROM councils c
),
england AS (
  SELECT calendar_year, measure, value FROM dfe_sen2 WHERE geographic_level = 'National'
),
regions AS (
  SELECT calendar_year, measure, region_code, value FROM dfe_sen2 WHERE geographic_level = 'Regional'
)
SELECT r.calendar_year, r.measure, r.la_code, r.old_la_code, r.la_name, r.region_code, r.region_name,
       r.la_code IN (SELECT la_code FROM council) AS is_council,
       r.value, r.marker,
       g.value AS region_value,
       e.value AS england_value,
       r.rank, r.councils_ranked
FROM ranked r
LEFT JOIN regions g ON g.calendar_year = r.calendar_year AND g.measure = r.measure AND g.region_code = r.region_code
LEFT JOIN england e ON e.calendar_year = r.calendar_year AND e.measure = r.measure

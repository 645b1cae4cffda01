-- spc_xmr: XmR charts ("Making Data Count", NHS England) of monthly measures, so a lead can tell a real
-- change from noise: SAT complaints per 100 plans issued and the share of plans issued within 20 weeks
-- (ehcp_monthly_performance), and the share of complaint responses sent outside their timescale
-- (complaint_response_times, by month). Per point: the moving range (the change from the month before);
-- over the whole series: the mean, the average moving range and the natural process limits (mean ± 2.66
-- × average moving range; the lower one not below 0; none for a single point). Special-cause rules: a point outside the limits;
-- a shift (shift_points or more in a row on one side of the mean); a trend (trend_points or more in a row
-- each rising, or each falling); two of three points in a row beyond two sigma (sigma = average moving
-- range / 1.128) on the same side. A point on the mean, or equal to the one before, ends a run.
-- variation: common_cause, or special_cause_improvement / special_cause_concern by the measure's
-- direction of improvement (reference data spc_measures).
WITH series AS (
  SELECT 'sat_complaints_per_100_plans' AS measure, month, CAST(complaints_per_100_plans AS DOUBLE) AS value
  FROM ehcp_monthly_performance WHERE complaints_per_100_plans IS NOT NULL
  UNION ALL
  SELECT 'share_plans_within_20_weeks', month, CAST(share_within_20_weeks AS DOUBLE)
  FROM ehcp_monthly_performance WHERE share_within_20_weeks IS NOT NULL
  UNION ALL
  SELECT 'share_responses_outside_timescale', month, CAST(outside_timescale_share AS DOUBLE)
  FROM complaint_response_times WHERE breakdown = 'month'
),
points AS (
  SELECT s.measure, m.name, m.improvement, m.shift_points, m.trend_points, s.month, s.value,
         row_number() OVER (PARTITION BY s.measure ORDER BY s.month)            AS point,
         s.value - lag(s.value) OVER (PARTITION BY s.measure ORDER BY s.month)  AS change
  FROM series s
  JOIN spc_measures m ON m.measure = s.measure
),
limits AS (
  SELECT measure, count(*) AS points, avg(value) AS mean, avg(abs(change)) AS average_moving_range
  FROM points
  GROUP BY measure
),
placed AS (
  SELECT p.*, l.points, l.mean, l.average_moving_range,
         l.mean + 2.66 * l.average_moving_range                    AS upper_process_limit,
         greatest(0, l.mean - 2.66 * l.average_moving_range)       AS lower_process_limit,
         l.average_moving_range / 1.128                            AS sigma,
         sign(p.value - l.mean)                                    AS side,
         coalesce(sign(p.change), 0)                               AS direction
  FROM points p
  JOIN limits l ON l.measure = p.measure
),
runs AS (
  -- gaps and islands: consecutive points on the same side (rising the same way) share an island
  SELECT *,
         point - row_number() OVER (PARTITION BY measure, side ORDER BY point)       AS side_island,
         point - row_number() OVER (PARTITION BY measure, direction ORDER BY point)  AS direction_island
  FROM placed
),
run_lengths AS (
  SELECT *,
         CASE WHEN side = 0 THEN 0
              ELSE count(*) OVER (PARTITION BY measure, side, side_island) END           AS side_run,
         CASE WHEN direction = 0 THEN 0
              ELSE count(*) OVER (PARTITION BY measure, direction, direction_island) END AS changes_in_run,
         value > mean + 2 * sigma AS beyond_2_sigma_high,
         value < mean - 2 * sigma AS beyond_2_sigma_low
  FROM runs
),
rules AS (
  SELECT *,
         coalesce(value > upper_process_limit OR value < lower_process_limit, false)   AS outside_limits,
         side_run >= shift_points                                                      AS shift,
         -- a run of k changes spans k + 1 points: the point before the first change starts it
         changes_in_run >= trend_points - 1
           OR coalesce(lead(changes_in_run) OVER by_point, 0) >= trend_points - 1      AS trend,
         coalesce((beyond_2_sigma_high AND count_if(beyond_2_sigma_high) OVER near >= 2)
           OR (beyond_2_sigma_low AND count_if(beyond_2_sigma_low) OVER near >= 2), false)
                                                                                       AS two_of_three_beyond_2_sigma,
         -- a trend's first point rises (falls) into the run only by the next point's change
         CASE WHEN changes_in_run >= trend_points - 1 THEN direction ELSE lead(direction) OVER by_point END
                                                                                       AS trend_direction
  FROM run_lengths
  WINDOW by_point AS (PARTITION BY measure ORDER BY point),
         near AS (PARTITION BY measure ORDER BY point ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING)
),
judged AS (
  SELECT *,
         outside_limits OR shift OR trend OR two_of_three_beyond_2_sigma AS special_cause,
         CASE WHEN outside_limits OR shift OR two_of_three_beyond_2_sigma THEN side > 0
              ELSE trend_direction > 0 END                                AS signal_high
  FROM rules
)
SELECT measure, name, improvement, month, point, value,
       abs(change) AS moving_range,
       points, round(mean, 6) AS mean, round(average_moving_range, 6) AS average_moving_range,
       round(upper_process_limit, 6) AS upper_process_limit, round(lower_process_limit, 6) AS lower_process_limit,
       outside_limits, shift, trend, two_of_three_beyond_2_sigma, special_cause,
       CASE WHEN NOT special_cause THEN 'common_cause'
            WHEN signal_high = (improvement = 'up') THEN 'special_cause_improvement'
            ELSE 'special_cause_concern' END AS variation
FROM judged

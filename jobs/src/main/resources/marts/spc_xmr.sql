-- spc_xmr: statistical process control charts ("Making Data Count", NHS England; the rules of
-- NHSRplotthedots) of monthly measures, so a SEND lead can tell a real change from noise: SAT
-- complaints per 100 plans issued and the share of plans issued within 20 weeks
-- (ehcp_monthly_performance), and the share of complaint responses sent outside their timescale
-- (complaint_response_times, by month).
--
-- Charts (reference data spc_measures): XmR for a figure of its own; Laney's p′ for a share and u′ for
-- a rate, whose denominators vary from month to month, so each month has limits of its own. For all
-- three, a point's z = (value − centre) / its spread (1 for XmR; the binomial or Poisson standard error
-- of its denominator for p′ and u′); the average moving range of z (moving ranges of 3.267 × their mean
-- or more screened out) sets the limits: centre ± 2.66 × spread × average moving range, and the near
-- limits at two thirds of that. Shares stay within 0 and the whole; rates do not go below 0.
--
-- Periods: limits are computed afresh from each recorded change of process (spc_events with rebase),
-- and each month carries the event recorded for it. The month holding the as-at date is still in
-- progress: it is shown, but takes no part in the limits and is never a signal.
--
-- Rules, within a period, as NHSRplotthedots applies them: a point outside the limits; a trend
-- (trend_points or more in a row each rising, or each falling); near_points of near_window points in a
-- row beyond a near limit and within the limits, all on one side of the centre; a shift (shift_points
-- or more in a row on one side of the centre). A point on the centre, or equal to the one before, ends
-- a run. variation: the direction of the first rule in that order, against the measure's direction of
-- improvement. assurance: where the council has a target, whether the latest limits pass it always,
-- fail it always, or sometimes do each.
WITH series AS (
  SELECT 'sat_complaints_per_100_plans' AS measure, month,
         CAST(sat_complaints AS DOUBLE) AS numerator, CAST(plans_issued AS DOUBLE) AS denominator
  FROM ehcp_monthly_performance WHERE plans_issued > 0
  UNION ALL
  SELECT 'share_plans_within_20_weeks', month,
         CAST(plans_issued_within_20_weeks AS DOUBLE), CAST(plans_issued AS DOUBLE)
  FROM ehcp_monthly_performance WHERE plans_issued > 0
  UNION ALL
  SELECT 'share_responses_outside_timescale', month,
         CAST(outside_timescale AS DOUBLE), CAST(responded AS DOUBLE)
  FROM complaint_response_times WHERE breakdown = 'month' AND responded > 0
),
measured AS (
  SELECT s.measure, m.name, m.unit, m.improvement, m.chart, m.scale, m.target,
         m.shift_points, m.trend_points, m.near_points, m.near_window,
         s.month, s.numerator, s.denominator, s.numerator / s.denominator * m.scale AS value,
         s.month >= date_format(x.as_at_date, 'yyyy-MM')
           AND x.as_at_date < last_day(x.as_at_date)                           AS in_progress
  FROM series s
  JOIN spc_measures m ON m.measure = s.measure
  CROSS JOIN as_at x
),
rebased AS (
  SELECT m.measure, m.month, coalesce(max(e.month), '') AS period
  FROM measured m
  LEFT JOIN spc_events e
    ON e.rebase AND (e.measure = m.measure OR e.measure = '*') AND e.month <= m.month
  GROUP BY m.measure, m.month
),
annotated AS (
  SELECT m.measure, m.month, nullif(concat_ws('; ', array_sort(collect_list(e.event))), '') AS event
  FROM measured m
  LEFT JOIN spc_events e ON (e.measure = m.measure OR e.measure = '*') AND e.month = m.month
  GROUP BY m.measure, m.month
),
placed AS (
  SELECT m.*, r.period, a.event,
         min(m.month) OVER (PARTITION BY m.measure, r.period)                          AS period_start,
         row_number() OVER (PARTITION BY m.measure ORDER BY m.month)                   AS point,
         abs(m.value - lag(m.value) OVER (PARTITION BY m.measure ORDER BY m.month))   AS moving_range
  FROM measured m
  JOIN rebased r ON r.measure = m.measure AND r.month = m.month
  JOIN annotated a ON a.measure = m.measure AND a.month = m.month
),
centred AS (
  -- each period's centre and its points, from its complete months only
  SELECT *,
         CASE WHEN chart = 'xmr' THEN avg(CASE WHEN NOT in_progress THEN value END) OVER period_months
              ELSE sum(CASE WHEN NOT in_progress THEN numerator END) OVER period_months
                   / sum(CASE WHEN NOT in_progress THEN denominator END) OVER period_months * scale
         END                                                                          AS mean,
         count_if(NOT in_progress) OVER period_months                                 AS points
  FROM placed
  WINDOW period_months AS (PARTITION BY measure, period)
),
spread AS (
  SELECT *,
         CASE chart WHEN 'xmr' THEN 1.0
                    WHEN 'p_prime' THEN sqrt((mean / scale) * (1 - mean / scale) / denominator) * scale
                    ELSE sqrt((mean / scale) / denominator) * scale END               AS spread
  FROM centred
),
ranged AS (
  -- the moving ranges of z, within the period's complete months (the month in progress apart)
  SELECT *,
         abs((value - mean) / nullif(spread, 0)
             - lag((value - mean) / nullif(spread, 0))
                 OVER (PARTITION BY measure, period, in_progress ORDER BY month))     AS moving_range_z
  FROM spread
),
screened AS (
  SELECT *,
         avg(CASE WHEN NOT in_progress THEN moving_range_z END)
           OVER (PARTITION BY measure, period)                                         AS unscreened
  FROM ranged
),
limits AS (
  SELECT *,
         CASE WHEN chart = 'p_prime' THEN least(scale, mean + 2.66 * spread * average_moving_range)
              ELSE mean + 2.66 * spread * average_moving_range END                   AS upper_process_limit,
         CASE WHEN chart = 'xmr' THEN mean - 2.66 * spread * average_moving_range
              ELSE greatest(0, mean - 2.66 * spread * average_moving_range) END      AS lower_process_limit,
         mean + 2.66 * 2 / 3 * spread * average_moving_range                          AS near_upper,
         mean - 2.66 * 2 / 3 * spread * average_moving_range                          AS near_lower
  FROM (SELECT *,
               avg(CASE WHEN NOT in_progress AND moving_range_z < 3.267 * unscreened THEN moving_range_z END)
                 OVER (PARTITION BY measure, period)                                   AS average_moving_range
        FROM screened)
),
judged AS (
  -- the rules' inputs; the month in progress is a partition of its own, judged by none of them
  SELECT *,
         row_number() OVER by_point                                                   AS point_in_period,
         CAST(sign(value - mean) AS INT)                                              AS side,
         NOT in_progress
           AND coalesce(value > upper_process_limit OR value < lower_process_limit, false) AS outside_limits,
         NOT in_progress
           AND coalesce(NOT (value > upper_process_limit OR value < lower_process_limit)
                        AND (value > near_upper OR value < near_lower), false)       AS near_limit,
         CAST(coalesce(sign(value - lag(value) OVER by_point), 0) AS INT)            AS direction,
         -- the latest complete month's limits, which a target is judged against
         last_value(CASE WHEN NOT in_progress THEN upper_process_limit END, true) OVER whole AS latest_upper,
         last_value(CASE WHEN NOT in_progress THEN lower_process_limit END, true) OVER whole AS latest_lower
  FROM limits
  WINDOW by_point AS (PARTITION BY measure, period, in_progress ORDER BY month),
         whole AS (PARTITION BY measure ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
runs AS (
  -- gaps and islands: consecutive points on the same side (rising the same way) share an island
  SELECT *,
         point_in_period - row_number() OVER (PARTITION BY measure, period, in_progress, side ORDER BY month)
                                                                                       AS side_island,
         point_in_period - row_number() OVER (PARTITION BY measure, period, in_progress, direction ORDER BY month)
                                                                                       AS direction_island
  FROM judged
),
run_lengths AS (
  SELECT *,
         CASE WHEN side = 0 OR in_progress THEN 0
              ELSE count(*) OVER (PARTITION BY measure, period, in_progress, side, side_island) END AS side_run,
         CASE WHEN direction = 0 OR in_progress THEN 0
              ELSE count(*) OVER (PARTITION BY measure, period, in_progress, direction, direction_island) END
                                                                                       AS changes_in_run
  FROM runs
),
near_runs AS (
  -- each point near a limit, in a run of near_window points that starts within near_window - 1 points
  -- before it, has enough of them near a limit and all of them on one side
  SELECT *,
         near_limit AND exists(
           sequence(point_in_period - near_window + 1, point_in_period),
           first -> first >= 1 AND first + near_window - 1 <= period_points
             AND size(filter(period_series, p -> p.at BETWEEN first AND first + near_window - 1
                                                 AND p.near)) >= near_points
             AND abs(aggregate(filter(period_series, p -> p.at BETWEEN first AND first + near_window - 1),
                               0, (total, p) -> total + p.side)) = near_window)          AS near_run
  FROM (SELECT *,
               collect_list(named_struct('at', point_in_period, 'near', near_limit, 'side', side))
                 OVER (PARTITION BY measure, period, in_progress)                       AS period_series,
               count(*) OVER (PARTITION BY measure, period, in_progress)                AS period_points
        FROM run_lengths)
),
signalled AS (
  SELECT *,
         side_run >= shift_points                                                     AS shift,
         -- a run of k changes spans k + 1 points: the point before the first change starts it
         NOT in_progress
           AND (changes_in_run >= trend_points - 1
                OR coalesce(lead(changes_in_run) OVER by_point, 0) >= trend_points - 1) AS trend,
         near_run                                                                     AS two_of_three_beyond_2_sigma,
         CASE WHEN changes_in_run >= trend_points - 1 THEN direction
              ELSE lead(direction) OVER by_point END                                  AS trend_direction
  FROM near_runs
  WINDOW by_point AS (PARTITION BY measure, period, in_progress ORDER BY month)
)
SELECT measure, name, unit, improvement, chart, month, point, value, numerator, denominator,
       in_progress, period_start, event, moving_range, points,
       round(mean, 6) AS mean, round(average_moving_range, 6) AS average_moving_range,
       round(upper_process_limit, 6) AS upper_process_limit, round(lower_process_limit, 6) AS lower_process_limit,
       target, outside_limits, shift, trend, two_of_three_beyond_2_sigma,
       outside_limits OR shift OR trend OR two_of_three_beyond_2_sigma AS special_cause,
       CASE WHEN in_progress THEN 'period_in_progress'
            WHEN NOT (outside_limits OR shift OR trend OR two_of_three_beyond_2_sigma) THEN 'common_cause'
            WHEN (CASE WHEN outside_limits THEN side > 0
                       WHEN trend THEN trend_direction > 0
                       ELSE side > 0 END) = (improvement = 'up') THEN 'special_cause_improvement'
            ELSE 'special_cause_concern' END AS variation,
       CASE WHEN target IS NULL OR latest_upper IS NULL THEN NULL
            WHEN target > latest_upper THEN
                 CASE WHEN improvement = 'up' THEN 'consistent_fail' ELSE 'consistent_pass' END
            WHEN target < latest_lower THEN
                 CASE WHEN improvement = 'up' THEN 'consistent_pass' ELSE 'consistent_fail' END
            ELSE 'inconsistent' END AS assurance
FROM signalled

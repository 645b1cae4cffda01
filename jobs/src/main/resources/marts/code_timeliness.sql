-- code_timeliness: the complaints received in each financial year from the date the Ombudsman's Complaint
-- Handling Code applies (complaint_code, by procedure and stage), measured against it. received: accepted;
-- refused_*: not accepted, by reason. acknowledged: with an acknowledged_date; acknowledged_in_time: within the
-- Code's working days of receipt. responded: answered; responded_in_time: within the Code's timescale, counted
-- from the acknowledgement (from receipt where the complaint was not acknowledged, and for the statutory
-- procedure, which keeps its own timescales), plus the longest extension where one was agreed; extended: answered
-- with an extension; extended_beyond_limit: answered after even the longest extension. The complements, so that
-- each whole is the sum of its parts: not_acknowledged_in_time (late or not yet), responded_late (=
-- responded_late_unextended + extended_beyond_limit: late with an extension is beyond it) and
-- extended_within_limit. Working days as
-- complaint_stages counts them: the difference of the two dates' working_day_seq. A corporate stage 3 has no
-- Code row: it is not counted here.
WITH complaints AS (
  SELECT procedure, stage, received_date, acknowledged_date, response_date,
         coalesce(extension_agreed, false) AS extension_agreed, CAST(NULL AS STRING) AS not_accepted_reason
  FROM feedback_records WHERE feedback_type = 'COMPLAINT'
  UNION ALL
  SELECT procedure, stage, received_date, acknowledged_date, response_date,
         coalesce(extension_agreed, false), not_accepted_reason
  FROM complaints_not_accepted
),
coded AS (
  SELECT c.*, financial_year(c.received_date) AS financial_year, k.acknowledge_working_days,
         k.respond_working_days + CASE WHEN c.extension_agreed THEN k.extension_working_days ELSE 0 END
           AS allowed_working_days,
         k.respond_working_days + k.extension_working_days AS longest_working_days,
         CASE WHEN k.respond_from = 'ACKNOWLEDGED' THEN coalesce(c.acknowledged_date, c.received_date)
              ELSE c.received_date END AS clock_start
  FROM complaints c
  JOIN complaint_code k
    ON k.procedure = c.procedure AND k.stage = c.stage
   AND c.received_date >= k.valid_from AND (k.valid_to IS NULL OR c.received_date <= k.valid_to)
),
counted AS (
  SELECT k.*, k.not_accepted_reason IS NULL AS accepted,
         acknowledged.working_day_seq - received.working_day_seq AS working_days_to_acknowledge,
         responded.working_day_seq - started.working_day_seq AS working_days_to_respond
  FROM coded k
  LEFT JOIN working_days received ON received.date = k.received_date
  LEFT JOIN working_days acknowledged ON acknowledged.date = k.acknowledged_date
  LEFT JOIN working_days started ON started.date = k.clock_start
  LEFT JOIN working_days responded ON responded.date = k.response_date
)
SELECT financial_year, procedure, stage,
       count_if(accepted) AS received,
       count_if(NOT accepted) AS refused,
       count_if(not_accepted_reason = 'NOT_A_COMPLAINT') AS refused_not_a_complaint,
       count_if(not_accepted_reason = 'OUT_OF_TIME') AS refused_out_of_time,
       count_if(not_accepted_reason = 'OTHER_ROUTE') AS refused_other_route,
       count_if(not_accepted_reason = 'UNREASONABLE_BEHAVIOUR') AS refused_unreasonable_behaviour,
       count_if(not_accepted_reason = 'OTHER') AS refused_other,
       count_if(accepted AND acknowledged_date IS NOT NULL) AS acknowledged,
       count_if(accepted AND working_days_to_acknowledge <= acknowledge_working_days) AS acknowledged_in_time,
       count_if(accepted AND response_date IS NOT NULL) AS responded,
       count_if(accepted AND working_days_to_respond <= allowed_working_days) AS responded_in_time,
       count_if(accepted AND response_date IS NOT NULL AND extension_agreed) AS extended,
       count_if(accepted AND extension_agreed AND working_days_to_respond > longest_working_days)
         AS extended_beyond_limit,
       count_if(accepted AND NOT coalesce(working_days_to_acknowledge <= acknowledge_working_days, false))
         AS not_acknowledged_in_time,
       count_if(accepted AND response_date IS NOT NULL
                AND NOT coalesce(working_days_to_respond <= allowed_working_days, false)) AS responded_late,
       count_if(accepted AND response_date IS NOT NULL AND NOT extension_agreed
                AND NOT coalesce(working_days_to_respond <= allowed_working_days, false))
         AS responded_late_unextended,
       count_if(accepted AND response_date IS NOT NULL AND extension_agreed
                AND coalesce(working_days_to_respond <= longest_working_days, false)) AS extended_within_limit,
       median(CASE WHEN accepted THEN working_days_to_acknowledge END) AS median_working_days_to_acknowledge,
       median(CASE WHEN accepted THEN working_days_to_respond END) AS median_working_days_to_respond
FROM counted
GROUP BY financial_year, procedure, stage
